package org.openpchat.chat.infrastructure.security;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * The platform's PBKDF2 (Jakarta Security's {@link Pbkdf2PasswordHash}) with this server's
 * parameters: HMAC-SHA-256, 210,000 iterations, 32-byte salt and key. Stored values carry their
 * parameters ({@code algorithm:iterations:salt:hash}), so older hashes keep verifying when the
 * parameters change.
 */
public final class PasswordHashes {

    public static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    private PasswordHashes() {
    }

    /** Initialises a fresh (dependent) instance with this server's parameters. */
    public static Pbkdf2PasswordHash configure(Pbkdf2PasswordHash hash) {
        hash.initialize(PARAMETERS);
        return hash;
    }
}
