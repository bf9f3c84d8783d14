package org.openpchat.chat.sip.auth;

import java.util.Locale;

/**
 * SIP authentication is Digest unless the JVM option {@code -Dopenpchat.sip-authentication=none}
 * switches it off for development; the server then says so in its log and in every REGISTER answer.
 */
public enum AuthenticationMode {
    DIGEST, NONE;

    public static final String PROPERTY = "openpchat.sip-authentication";

    public static AuthenticationMode configured() {
        String value = System.getProperty(PROPERTY, "digest").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "none", "off" -> NONE;
            case "digest" -> DIGEST;
            default -> throw new IllegalStateException(PROPERTY + " must be digest or none, not " + value);
        };
    }
}
