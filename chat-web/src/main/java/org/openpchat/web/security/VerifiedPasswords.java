package org.openpchat.web.security;

import jakarta.ejb.EJB;
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
import java.util.function.ToLongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpchat.chat.application.directory.CredentialGenerations;

/**
 * Remembers for a minute that a user's password was verified, so an API client sending Basic
 * credentials with every request does not cost a PBKDF2 computation each time. Only a keyed hash
 * (HMAC with a key that lives in this JVM) of the password is kept, with the generation of the
 * user's credential read before the password was checked: a password change or removal, wherever
 * it is made on this node, ends what was remembered. Group changes take effect within {@link #TTL}.
 */
@ApplicationScoped
public class VerifiedPasswords {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 100_000;

    private record Entry(byte[] mac, Instant expires, Set<String> groups, long credentialGeneration) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final Clock clock;
    private final ToLongFunction<String> generations;
    @EJB
    private CredentialGenerations credentials;

    public VerifiedPasswords() {
        this.clock = Clock.systemUTC();
        this.generations = user -> credentials.of(user);
        new SecureRandom().nextBytes(key);
    }

    VerifiedPasswords(Clock clock, ToLongFunction<String> generations) {
        this.clock = clock;
        this.generations = generations;
        new SecureRandom().nextBytes(key);
    }

    /** To be read before the password is checked, and handed to {@link #remember}. */
    public long credentialGeneration(String user) {
        return generations.applyAsLong(user);
    }

    /**
     * The groups remembered for this user and password, if they were verified within the minute
     * and the credential has not changed since.
     */
    public Optional<Set<String>> check(String user, String password) {
        Entry entry = entries.get(user);
        if (entry == null || entry.expires().isBefore(clock.instant())
                || entry.credentialGeneration() != generations.applyAsLong(user)) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac(), mac(user, password)) ? Optional.of(entry.groups()) : Optional.empty();
    }

    public void remember(String user, String password, Set<String> groups, long credentialGeneration) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> entry.expires().isBefore(now));
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(user, new Entry(mac(user, password), clock.instant().plus(TTL), Set.copyOf(groups),
                credentialGeneration));
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
