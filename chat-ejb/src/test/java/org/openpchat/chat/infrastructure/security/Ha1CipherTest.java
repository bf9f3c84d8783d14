package org.openpchat.chat.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ha1CipherTest {

    private static final String HA1 = DigestHa1.of("alice", "example.com", "Passw0rd!");
    private final Ha1Cipher cipher = new Ha1Cipher(key(7));

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void roundTripsWithoutTheValueInClearAndWithAFreshIvEachTime() {
        String sealed = cipher.encrypt(HA1, "sip:alice@example.com", "HA1_SHORT");

        assertThat(sealed).startsWith("A1:").doesNotContain(HA1).hasSizeLessThanOrEqualTo(100);
        assertThat(Ha1Cipher.isPlain(sealed)).isFalse();
        assertThat(cipher.decrypt(sealed, "sip:alice@example.com", "HA1_SHORT")).isEqualTo(HA1);
        assertThat(cipher.encrypt(HA1, "sip:alice@example.com", "HA1_SHORT")).isNotEqualTo(sealed);
    }

    @Test
    void aValueMovedToAnotherUserOrColumnOrReadWithAnotherKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt(HA1, "sip:alice@example.com", "HA1_SHORT");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "sip:bob@example.com", "HA1_SHORT"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "sip:alice@example.com", "HA1_FULL"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Ha1Cipher(key(8)).decrypt(sealed, "sip:alice@example.com", "HA1_SHORT"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another key");
    }

    @Test
    void aClearValueOfAnEarlierReleaseIsReadAsItIs() {
        assertThat(Ha1Cipher.isPlain(HA1)).isTrue();
        assertThat(cipher.decrypt(HA1, "sip:alice@example.com", "HA1_SHORT")).isEqualTo(HA1);
        assertThatThrownBy(() -> cipher.decrypt("garbage", "sip:alice@example.com", "HA1_SHORT"))
                .isInstanceOf(IllegalStateException.class);
    }
}
