package org.openpchat.chat.domain.shared;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A filter as people type it in a search box or a cmdlet: a wildcard pattern when it holds
 * {@code *} (any run) or {@code ?} (one character), like PowerShell's -like; otherwise a fragment
 * the text must contain. Case is ignored. An empty or blank filter matches everything.
 */
public record TextFilter(String text) {

    public TextFilter {
        text = text == null ? "" : text;
    }

    public static TextFilter of(String text) {
        return new TextFilter(text);
    }

    public boolean matchesAll() {
        return text.isBlank();
    }

    public boolean wildcard() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    public boolean matches(String candidate) {
        return matchesAll() || candidate != null && test().test(candidate);
    }

    private Predicate<String> test() {
        if (!wildcard()) {
            String needle = text.toLowerCase(Locale.ROOT);
            return candidate -> candidate.toLowerCase(Locale.ROOT).contains(needle);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.DOTALL);
        return candidate -> pattern.matcher(candidate).matches();
    }
}
