package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NoncesTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final Nonces nonces = new Nonces(clock, Duration.ofMinutes(5));

    @Test
    void freshNonceIsValidThenStale() {
        String nonce = nonces.issue();
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
    }

    @Test
    void forgedOrForeignNoncesAreInvalid() {
        String nonce = nonces.issue();
        String forged = (Long.parseLong(nonce.substring(0, nonce.indexOf('.'))) + 1) + nonce.substring(nonce.indexOf('.'));

        assertThat(nonces.check(forged)).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.check(new Nonces(clock, Duration.ofMinutes(5)).issue())).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.check("garbage")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.check(null)).isEqualTo(Nonces.Check.INVALID);
    }
}
