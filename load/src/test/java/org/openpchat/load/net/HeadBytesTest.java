package org.openpchat.load.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadBytesTest {

    private static final byte[][] CALL_ID = HeadBytes.names("call-id", "i");

    @Test
    void namesMatchInAnyCaseWithSpacesBeforeTheColon() {
        assertThat(matches("Call-ID: a")).isTrue();
        assertThat(matches("cALL-iD \t: a")).isTrue();
        assertThat(matches("I: a")).isTrue();
        assertThat(matches("X-Call-ID: a")).isFalse();
        assertThat(matches("Call-IDs: a")).isFalse();
        assertThat(matches(": a")).isFalse();
    }

    private static boolean matches(String line) {
        byte[] head = line.getBytes(StandardCharsets.US_ASCII);
        int colon = line.indexOf(':');
        return HeadBytes.nameIsOneOf(head, 0, HeadBytes.nameEnd(head, 0, colon), CALL_ID);
    }
}
