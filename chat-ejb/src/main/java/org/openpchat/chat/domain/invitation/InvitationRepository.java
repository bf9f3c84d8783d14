package org.openpchat.chat.domain.invitation;

import java.util.Collection;
import java.util.List;
import org.openpchat.chat.domain.principal.PrincipalId;

public interface InvitationRepository {

    void add(Invitation invitation);

    /** Invitations to any of the given principals with an id above {@code afterId}, oldest first. */
    List<Invitation> forAnyOf(Collection<PrincipalId> invitees, long afterId, int max);
}
