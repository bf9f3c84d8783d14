package org.openpchat.chat.infrastructure.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts SIP Digest HA1 values for the database (AES-256-GCM). An HA1 is password-equivalent:
 * whoever holds it can sign in over SIP as the user, and being unsalted MD5 it is quickly brute
 * forced. Stored as {@code A1:<Base64 of IV and ciphertext>}; the user's key and the column are
 * authenticated with it, so a value moved to another user or column does not decrypt. The key
 * (32 random bytes, Base64) is in the file named by the JVM option {@value #KEY_FILE}, outside the
 * database (configure-domain.sh generates it, mode 0600).
 */
public final class Ha1Cipher {

    public static final String KEY_FILE = "openpchat.credentials.ha1-key-file";
    static final String PREFIX = "A1:";
    private static final Pattern PLAIN = Pattern.compile("[0-9a-f]{32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public Ha1Cipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the HA1 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static Ha1Cipher configured() {
        return new Ha1Cipher(KeyFiles.read(KEY_FILE, "the SIP credential key"));
    }

    /** Whether a stored value is an HA1 as earlier releases stored it (32 hex digits, in clear). */
    public static boolean isPlain(String stored) {
        return stored != null && PLAIN.matcher(stored).matches();
    }

    public String encrypt(String ha1Hex, String owner, String column) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, owner, column, HexFormat.of().parseHex(ha1Hex));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                .put(sealed).array());
    }

    /** The HA1 in hex; a value stored in clear by an earlier release is returned as it is. */
    public String decrypt(String stored, String owner, String column) {
        if (isPlain(stored)) {
            return stored;
        }
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("not an encrypted HA1 value of " + owner);
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length <= IV_BYTES) {
            throw new IllegalStateException("truncated HA1 value of " + owner);
        }
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return HexFormat.of().formatHex(run(Cipher.DECRYPT_MODE, iv, owner, column, sealed));
    }

    private byte[] run(int mode, byte[] iv, String owner, String column, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((owner + "\n" + column).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the HA1 value of " + owner + " does not decrypt with this server's key"
                    + " (another key, or altered): " + e.getMessage(), e);
        }
    }
}
