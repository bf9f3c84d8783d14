package org.openpchat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a minute that a user's password was verified, so an API client sending Basic
 * credentials with every request does not cost a PBKDF2 computation each time. Only a keyed hash
 * (HMAC with a key that lives in this JVM) of the password is kept. A password change through the
 * API forgets the user at once; one made elsewhere takes effect within {@link #TTL}.
 */
@ApplicationScoped
public class VerifiedPasswords {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 100_000;

    private record Entry(byte[] mac, Instant expires, Set<String> groups) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final Clock clock;

    public VerifiedPasswords() {
        this(Clock.systemUTC());
    }

    VerifiedPasswords(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The groups remembered for this user and password, if they were verified within the minute. */
    public Optional<Set<String>> check(String user, String password) {
        Entry entry = entries.get(user);
        if (entry == null || entry.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(user, password)) ? Optional.of(entry.groups()) : Optional.empty();
    }

    public void remember(String user, String password, Set<String> groups) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> entry.expires().isBefore(now));
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(user, new Entry(mac(user, password), clock.instant().plus(TTL), Set.copyOf(groups)));
    }

    public void forget(String user) {
        entries.remove(SignInNames.normalise(user));
    }

    private byte[] mac(String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
