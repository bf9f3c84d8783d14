package org.openpchat.chat.application.chat;

import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.room.Room;

/** An invitation a user has, with the room it is to. */
public record PendingInvitation(Invitation invitation, Room room) {
}
