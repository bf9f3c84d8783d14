package org.openpchat.chat.domain.message;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * What a history search looks for in message text. In word mode every word of the query must
 * occur as a whole word; in phrase mode the whole query must occur as written (word boundaries
 * at both ends). Case matters only when asked for.
 */
public record TextQuery(String text, boolean exactPhrase, boolean caseSensitive) implements Serializable {

    public static final int MAX_LENGTH = 512;

    public TextQuery {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("search text must not be empty");
        }
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            throw DomainException.invalid("search text longer than " + MAX_LENGTH + " characters");
        }
    }

    /** The fragments a message must contain; a store may use them to narrow the search. */
    public List<String> fragments() {
        return exactPhrase ? List.of(text) : Arrays.asList(text.split(" "));
    }

    public boolean matches(String content) {
        if (content == null) {
            return false;
        }
        String spaced = content.replaceAll("\\s+", " ");
        String haystack = caseSensitive ? spaced : spaced.toLowerCase(Locale.ROOT);
        for (String fragment : fragments()) {
            String needle = caseSensitive ? fragment : fragment.toLowerCase(Locale.ROOT);
            if (!containsAsWord(haystack, needle)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAsWord(String haystack, String needle) {
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                return false;
            }
            int end = at + needle.length();
            if (isBoundary(haystack, at - 1) && isBoundary(haystack, end)) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isBoundary(String s, int index) {
        return index < 0 || index >= s.length() || !Character.isLetterOrDigit(s.charAt(index));
    }
}
