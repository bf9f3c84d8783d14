package org.openpchat.chat.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a {@code Proxy-Authorization: Digest ...} header (RFC 2617). Values are kept
 * as sent: SIPE sends {@code uri="(null)"}, and the response is computed over that text.
 */
public record DigestCredentials(Map<String, String> parameters) {

    private static final int MAX_HEADER = 4096;

    public DigestCredentials {
        parameters = Map.copyOf(parameters);
    }

    /** Null when the header is absent, not Digest, or not parseable. */
    public static DigestCredentials parse(String header) {
        if (header == null || header.length() > MAX_HEADER) {
            return null;
        }
        String text = header.strip();
        if (!text.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 7;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            i = equals + 1;
            String value;
            if (i < text.length() && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? text.length() : comma;
                value = text.substring(i, end).strip();
                i = end;
            }
            parameters.put(name, value);
        }
        return new DigestCredentials(parameters);
    }

    public String get(String name) {
        return parameters.get(name);
    }

    public String username() {
        return get("username");
    }

    public boolean complete() {
        return get("username") != null && get("realm") != null && get("nonce") != null && get("uri") != null
                && get("response") != null;
    }
}
