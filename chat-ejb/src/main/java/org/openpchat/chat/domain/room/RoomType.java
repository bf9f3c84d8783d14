package org.openpchat.chat.domain.room;

public enum RoomType {
    /** Every participant may post. */
    NORMAL,
    /** Only presenters post; everybody else reads. */
    AUDITORIUM
}
