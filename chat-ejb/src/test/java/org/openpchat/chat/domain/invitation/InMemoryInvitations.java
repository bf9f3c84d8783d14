package org.openpchat.chat.domain.invitation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Invitations held in a list, oldest first, for use case tests. */
public class InMemoryInvitations implements InvitationRepository {

    private final List<Invitation> invitations = new ArrayList<>();

    @Override
    public void add(Invitation invitation) {
        invitations.add(invitation);
    }

    @Override
    public List<Invitation> newestForAnyOf(Collection<PrincipalId> invitees, int max) {
        List<Invitation> matching = invitations.stream().filter(i -> invitees.contains(i.invitee())).toList();
        return matching.subList(Math.max(0, matching.size() - max), matching.size());
    }

    public List<Invitation> all() {
        return List.copyOf(invitations);
    }
}
