package org.openpchat.chat.sip.auth;

import java.util.Locale;

/**
 * Whether a Digest answer's {@code uri} names the request it came with (RFC 3261 22.4: the
 * Request-URI). SIPE cannot: it always sends the literal text {@code (null)}, a C string it never
 * filled in, and computes its response over that text. That value is accepted; it costs little,
 * as a nonce is good for one connection and one count only.
 */
final class DigestUris {

    static final String SIPE_UNSET = "(null)";

    private DigestUris() {
    }

    static boolean names(String uri, String requestUri) {
        if (uri == null) {
            return false;
        }
        String sent = uri.strip();
        return sent.equals(SIPE_UNSET) || normal(sent).equals(normal(requestUri));
    }

    /** Scheme and host are case-insensitive; SIP URIs here differ from one another in user, host and port. */
    private static String normal(String uri) {
        return uri == null ? "" : uri.strip().toLowerCase(Locale.ROOT);
    }
}
