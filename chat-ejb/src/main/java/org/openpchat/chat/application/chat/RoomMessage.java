package org.openpchat.chat.application.chat;

import java.io.Serializable;
import java.time.Instant;
import org.openpchat.chat.domain.message.ChatMessage;

/** A post as readers get it: the room's name, the room's message id, author, time and text. */
public record RoomMessage(String room, long id, String author, Instant postedAt, String content)
        implements Serializable {

    public static RoomMessage of(String roomName, ChatMessage message) {
        return new RoomMessage(roomName, message.messageId(), message.author().toString(), message.postedAt(),
                message.content());
    }
}
