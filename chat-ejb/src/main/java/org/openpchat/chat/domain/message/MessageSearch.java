package org.openpchat.chat.domain.message;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * A history search over one or several rooms, by text, author and time range; at least one of
 * text and author is required. Results come newest first, at most {@code limit} of them, after
 * {@code cursor} when one is given (the next page).
 */
public record MessageSearch(Set<String> roomUids, TextQuery text, PrincipalId author,
        Instant from, Instant to, int limit, SearchCursor cursor) implements Serializable {

    public MessageSearch(Set<String> roomUids, TextQuery text, PrincipalId author, Instant from, Instant to,
            int limit) {
        this(roomUids, text, author, from, to, limit, null);
    }

    public MessageSearch {
        if (roomUids == null || roomUids.isEmpty()) {
            throw DomainException.invalid("a search needs at least one room");
        }
        roomUids = Set.copyOf(roomUids);
        if (text == null && author == null) {
            throw DomainException.invalid("a search needs text or an author");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("search range starts after it ends");
        }
        if (limit < 1) {
            throw DomainException.invalid("search limit must be positive");
        }
    }

    /** Author, time range and text; the room is checked by the caller. */
    public boolean matches(ChatMessage message) {
        return (author == null || author.equals(message.author()))
                && (from == null || !message.postedAt().isBefore(from))
                && (to == null || !message.postedAt().isAfter(to))
                && (text == null || text.matches(message.content()));
    }

    public MessageSearch withLimit(int newLimit) {
        return new MessageSearch(roomUids, text, author, from, to, newLimit, cursor);
    }
}
