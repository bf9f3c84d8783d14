package org.openpchat.chat.sip.registrar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a registration lasts: what the client asked for, within the server's bounds. */
final class RegistrationExpiry {

    static final int DEFAULT_SECONDS = 900;
    static final int MIN_SECONDS = 60;
    static final int MAX_SECONDS = 3600;

    private static final Pattern CONTACT_EXPIRES = Pattern.compile(";\\s*expires\\s*=\\s*(\\d+)");

    private RegistrationExpiry() {
    }

    /** 0 means de-register. */
    static int granted(String expiresHeader, String contactHeader) {
        Integer asked = parse(expiresHeader);
        if (asked == null && contactHeader != null) {
            Matcher matcher = CONTACT_EXPIRES.matcher(contactHeader.toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                asked = parse(matcher.group(1));
            }
        }
        if (asked == null) {
            return DEFAULT_SECONDS;
        }
        if (asked == 0) {
            return 0;
        }
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, asked));
    }

    private static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
