package org.openpchat.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void anInstantIsShownToTheSecondInUtc() {
        assertThat(Times.format(Instant.parse("2026-11-30T19:37:45.247474892Z"))).isEqualTo("2026-11-30 19:37:45 UTC");
    }

    @Test
    void noInstantIsShownAsNothing() {
        assertThat(Times.format(null)).isEmpty();
    }
}
