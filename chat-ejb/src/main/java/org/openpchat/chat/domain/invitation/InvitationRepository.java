package org.openpchat.chat.domain.invitation;

import java.util.Collection;
import java.util.List;
import org.openpchat.chat.domain.principal.PrincipalId;

public interface InvitationRepository {

    void add(Invitation invitation);

    /** The newest {@code max} invitations to any of the given principals, oldest first. */
    List<Invitation> newestForAnyOf(Collection<PrincipalId> invitees, int max);
}
