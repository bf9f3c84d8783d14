package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.MovableClock;

class NoncesTest {

    private final MovableClock clock = new MovableClock();
    private final Nonces nonces = new Nonces(clock, Duration.ofMinutes(5));

    @Test
    void freshNonceIsValidThenStale() {
        String nonce = nonces.issue();
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);

        clock.advance(Duration.ofMinutes(6));
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

    @Test
    void aNonceIsValidForExactlyItsLifetime() {
        String nonce = nonces.issue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
    }
}
