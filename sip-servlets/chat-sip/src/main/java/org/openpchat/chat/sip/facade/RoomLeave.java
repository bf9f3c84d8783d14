package org.openpchat.chat.sip.facade;

/** A user ({@code alice@example.com}) leaving a room (its URI): one of many left in one transaction. */
public record RoomLeave(String user, String roomUri) {
}
