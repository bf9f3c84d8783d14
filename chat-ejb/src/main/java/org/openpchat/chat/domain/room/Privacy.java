package org.openpchat.chat.domain.room;

public enum Privacy {
    /** Anyone allowed by the category finds the room and may take part. */
    OPEN,
    /** Anyone allowed by the category finds the room; only members take part. */
    CLOSED,
    /** Only members find the room and take part. */
    SECRET
}
