package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.invitation.InvitationRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomRepository;

/**
 * The invitations a user has (cmd:getinv): of the newest hundred, oldest first, those to rooms the
 * user may find; an invitation to a room that has become Secret to them since tells nothing.
 */
@Stateless
public class InvitationService {

    public static final int MAX_PER_REQUEST = 100;

    @Inject
    private InvitationRepository invitations;
    @Inject
    private RoomRepository rooms;

    public InvitationService() {
    }

    /** Outside the container (tests): over these repositories. */
    public InvitationService(InvitationRepository invitations, RoomRepository rooms) {
        this.invitations = invitations;
        this.rooms = rooms;
    }

    public List<PendingInvitation> pendingFor(Actor actor) {
        List<Invitation> newest = invitations.newestForAnyOf(actor.affiliations().ids(), MAX_PER_REQUEST);
        Map<Long, Room> findable = rooms.withIds(newest.stream().map(Invitation::roomId).collect(Collectors.toSet()))
                .stream().filter(room -> RoomAccess.permits(actor, Operation.FIND, room))
                .collect(Collectors.toMap(Room::id, Function.identity()));
        return newest.stream().filter(invitation -> findable.containsKey(invitation.roomId()))
                .map(invitation -> new PendingInvitation(invitation, findable.get(invitation.roomId()))).toList();
    }
}
