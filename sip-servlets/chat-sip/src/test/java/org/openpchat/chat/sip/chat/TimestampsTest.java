package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void utcWithExactlyThreeDigitsOfMillisecondsAndZ() {
        assertThat(Timestamps.format(Instant.parse("2026-11-30T10:00:00.5Z"))).isEqualTo("2026-11-30T10:00:00.500Z");
        assertThat(Timestamps.format(Instant.parse("2026-11-30T23:59:59.123456Z"))).isEqualTo("2026-11-30T23:59:59.123Z");
    }
}
