package org.openpchat.chat.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last message id handed out in a room. Posts lock this row, so ids are gap-free and
 * strictly increasing per room without locking the room itself.
 */
@Entity
@Table(name = "ROOM_MESSAGE_COUNTER")
public class RoomMessageCounter {

    @Id
    @Column(name = "ROOM_ID")
    private Long roomId;

    @Column(name = "LAST_MESSAGE_ID", nullable = false)
    private long lastMessageId;

    protected RoomMessageCounter() {
    }

    public RoomMessageCounter(Long roomId) {
        this.roomId = roomId;
    }

    public void continueAfter(long messageId) {
        lastMessageId = Math.max(lastMessageId, messageId);
    }

    public long next() {
        return ++lastMessageId;
    }
}
