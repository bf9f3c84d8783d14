package org.openpchat.cli.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/** Percent-encoding of names in paths and of query parameters. */
public final class UriPaths {

    private UriPaths() {
    }

    /**
     * One path segment: every byte but letters, digits, {@code -._~} and {@code :@} (kept readable in
     * {@code sip:bob@example.com}) is percent-encoded, so spaces, {@code #?%;+} are safe.
     */
    public static String segment(String name) {
        if (name.indexOf('/') >= 0) {
            throw new CliException(ExitCodes.USAGE, "'" + name + "': names containing '/' cannot be addressed"
                    + " through the API");
        }
        return encode(name, ":@");
    }

    static String queryValue(String value) {
        return encode(value, "");
    }

    private static String encode(String text, String alsoKept) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0 || alsoKept.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Query parameters in order; {@code null} values are left out. */
    public static final class Query {
        private final List<String> pairs = new ArrayList<>();

        public static Query of() {
            return new Query();
        }

        public Query add(String name, Object value) {
            if (value != null) {
                pairs.add(name + "=" + queryValue(value.toString()));
            }
            return this;
        }

        public Query addAll(String name, List<?> values) {
            if (values != null) {
                values.forEach(value -> add(name, value));
            }
            return this;
        }

        /** {@code ?a=1&b=2}, or nothing. */
        @Override
        public String toString() {
            if (pairs.isEmpty()) {
                return "";
            }
            StringJoiner joined = new StringJoiner("&", "?", "");
            pairs.forEach(joined::add);
            return joined.toString();
        }
    }
}
