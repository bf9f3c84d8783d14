package org.openpchat.chat.infrastructure.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Only a message signed with the pool's key, unchanged, is taken. */
class PoolMessageMacTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "a post".getBytes(StandardCharsets.UTF_8);

    private final PoolMessageMac mac = new PoolMessageMac(KEY);

    @Test
    void aMessageSignedWithTheKeyIsTaken() {
        assertThatCode(() -> mac.verify(MESSAGE, mac.sign(MESSAGE))).doesNotThrowAnyException();
    }

    @Test
    void anAlteredMessageOrAnotherKeysSignatureIsRefused() {
        String signature = mac.sign(MESSAGE);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThatThrownBy(() -> mac.verify("a pest".getBytes(StandardCharsets.UTF_8), signature))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("wrong signature");
        assertThatThrownBy(() -> mac.verify(MESSAGE, new PoolMessageMac(otherKey).sign(MESSAGE)))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("wrong signature");
    }

    @Test
    void anUnsignedMessageOrASignatureThatIsNoBase64IsRefused() {
        assertThatThrownBy(() -> mac.verify(MESSAGE, null)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("unsigned");
        assertThatThrownBy(() -> mac.verify(MESSAGE, "")).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("unsigned");
        assertThatThrownBy(() -> mac.verify(MESSAGE, "not base64!")).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("not Base64");
    }

    @Test
    void aComplianceSignatureOfTheSameKeyIsNoPoolSignature() {
        assertThat(mac.sign(MESSAGE)).isNotEqualTo(java.util.Base64.getEncoder().encodeToString(
                hmac(KEY, MESSAGE)));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PoolMessageMac(Arrays.copyOf(KEY, 31))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            javax.crypto.Mac plain = javax.crypto.Mac.getInstance("HmacSHA256");
            plain.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return plain.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
