package org.openpchat.chat.infrastructure.persistence;

import java.util.Locale;
import org.openpchat.chat.domain.shared.TextFilter;

/** LIKE patterns with '!' as the escape character, the same on H2, PostgreSQL and SQL Server. */
final class Like {

    private Like() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '!' || c == '%' || c == '_' || c == '[') {
                out.append('!');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    /** What {@link TextFilter} means, lower case: its wildcards as LIKE's, or a fragment anywhere. */
    static String of(TextFilter filter) {
        String text = filter.text().toLowerCase(Locale.ROOT);
        if (!filter.wildcard()) {
            return contains(text);
        }
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                default -> pattern.append(escape(String.valueOf(c)));
            }
        }
        return pattern.toString();
    }
}
