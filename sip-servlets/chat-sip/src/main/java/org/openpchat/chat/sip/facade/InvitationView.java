package org.openpchat.chat.sip.facade;

/** A pending invitation to a room (cmd:getinv). */
public record InvitationView(long id, String roomUri, String roomName) {
}
