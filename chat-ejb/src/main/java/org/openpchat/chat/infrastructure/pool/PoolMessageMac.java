package org.openpchat.chat.infrastructure.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpchat.chat.infrastructure.compliance.ComplianceMessageMac;
import org.openpchat.chat.infrastructure.security.KeyFiles;

/**
 * Proves that a pool message comes from a node of this pool: an HMAC-SHA256 of its bytes under
 * the key every node shares (the compliance messages' key file, {@link ComplianceMessageMac#KEY_FILE},
 * kept apart from their HMACs by a prefix of its own). Whoever can reach the broker without the
 * key can neither make a post appear in a room nor change one on its way.
 */
final class PoolMessageMac {

    static final String PROPERTY = "pchatMac";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "openpchat pool message v1\n".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    PoolMessageMac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a pool message key has at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    static PoolMessageMac configured() {
        return new PoolMessageMac(KeyFiles.read(ComplianceMessageMac.KEY_FILE, "the pool messages' key"));
    }

    String sign(byte[] message) {
        return Base64.getEncoder().encodeToString(mac(message));
    }

    void verify(byte[] message, String signature) throws UnreadableMessageException {
        if (signature == null || signature.isEmpty()) {
            throw new UnreadableMessageException("unsigned pool message");
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException("pool message whose signature is not Base64", e);
        }
        if (!MessageDigest.isEqual(sent, mac(message))) {
            throw new UnreadableMessageException("pool message with a wrong signature (forged, altered or another pool's)");
        }
    }

    private byte[] mac(byte[] message) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(DOMAIN);
            return hmac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " with the pool key failed", e);
        }
    }
}
