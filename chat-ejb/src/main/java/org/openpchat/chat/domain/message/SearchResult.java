package org.openpchat.chat.domain.message;

import java.util.List;

/** Matches newest first; {@code exceededLimit} says that more matched than were returned. */
public record SearchResult(List<ChatMessage> messages, boolean exceededLimit) {

    public SearchResult {
        messages = List.copyOf(messages);
    }
}
