package org.openpchat.chat.sip.facade;

/** A room as the room directory (cmd:chansrch) lists it. */
public record RoomSummary(String uri, String name, String description, int occupants, boolean open,
        boolean filePost, boolean invitations, boolean logged) {
}
