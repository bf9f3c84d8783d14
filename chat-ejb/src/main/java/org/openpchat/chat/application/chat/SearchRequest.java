package org.openpchat.chat.application.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A history search as a client or an administrator asks it. No rooms means every room the user
 * may read. A limit of 0 means the server's limit.
 */
public record SearchRequest(List<String> rooms, String text, boolean exactPhrase, boolean caseSensitive,
        String author, Instant from, Instant to, int limit) implements Serializable {

    public SearchRequest {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    public static SearchRequest text(String text, String... rooms) {
        return new SearchRequest(List.of(rooms), text, false, false, null, null, null, 0);
    }
}
