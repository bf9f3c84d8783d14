package org.openpchat.chat.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless Digest nonces: the issue time signed with a per-process secret, so any node
 * thread can check one without shared state, and a nonce from before a restart is refused.
 */
public final class Nonces {

    public enum Check { VALID, STALE, INVALID }

    private final byte[] secret = new byte[32];
    private final Clock clock;
    private final Duration lifetime;

    public Nonces(Clock clock, Duration lifetime) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue() {
        String time = Long.toString(clock.millis());
        return time + "." + sign(time);
    }

    public Check check(String nonce) {
        int dot = nonce == null ? -1 : nonce.indexOf('.');
        if (dot <= 0) {
            return Check.INVALID;
        }
        String time = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(sign(time).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        try {
            long issued = Long.parseLong(time);
            return clock.millis() - issued <= lifetime.toMillis() ? Check.VALID : Check.STALE;
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
