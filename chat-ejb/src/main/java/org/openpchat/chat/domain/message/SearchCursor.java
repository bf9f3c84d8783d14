package org.openpchat.chat.domain.message;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Where the previous page of a search ended: results come newest first, ordered by time and then
 * by the store's key, so the next page holds what sorts after this post. Text form is opaque to
 * callers.
 */
public record SearchCursor(Instant postedAt, long storeId) implements Serializable {

    public static SearchCursor after(ChatMessage last) {
        return new SearchCursor(last.postedAt(), last.id());
    }

    public String text() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((postedAt + "|" + storeId).getBytes(StandardCharsets.UTF_8));
    }

    public static SearchCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new SearchCursor(Instant.parse(decoded.substring(0, bar)),
                    Long.parseLong(decoded.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw DomainException.invalid("not a search cursor: " + text);
        }
    }
}
