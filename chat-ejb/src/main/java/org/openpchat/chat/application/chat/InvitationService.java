package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.invitation.InvitationRepository;

/** The invitations a user has (cmd:getinv): the newest hundred, oldest first. */
@Stateless
public class InvitationService {

    public static final int MAX_PER_REQUEST = 100;

    @Inject
    private InvitationRepository invitations;

    public InvitationService() {
    }

    /** Outside the container (tests): over this repository. */
    public InvitationService(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    public List<Invitation> pendingFor(Actor actor) {
        return invitations.newestForAnyOf(actor.affiliations().ids(), MAX_PER_REQUEST);
    }
}
