package org.openpchat.chat.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;

/** Argument checks that raise {@link DomainException#invalid} with a readable text. */
public final class Validate {

    private Validate() {
    }

    public static String name(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(what + " must not be empty");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw DomainException.invalid(what + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String optionalText(String value, String what, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw DomainException.invalid(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static int range(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw DomainException.invalid(what + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** An absolute http or https URL, or null. */
    public static String httpUrl(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw DomainException.invalid(what + " must be an absolute http or https URL: " + value);
            }
            if (value.length() > 2000) {
                throw DomainException.invalid(what + " is longer than 2000 characters");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainException.invalid(what + " is not a valid URL: " + value);
        }
    }
}
