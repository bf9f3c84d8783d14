package org.openpchat.chat.application.chat;

import java.io.Serializable;
import java.util.List;

/**
 * One page of an administrator's search: newest first; {@code exceededLimit} says more matched,
 * and {@code next} is the cursor that asks for them (null on the last page).
 */
public record FoundMessages(List<RoomMessage> messages, boolean exceededLimit, String next) implements Serializable {
}
