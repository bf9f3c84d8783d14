package org.openpchat.chat.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

class NoncesTest {

    private static final Flow ALICE = new Flow("tcp", "192.0.2.10", 50_123, 7);
    private static final Flow MALLORY = new Flow("tcp", "192.0.2.66", 40_000, 8);

    private final MovableClock clock = new MovableClock();
    private final Nonces nonces = new Nonces(clock, Duration.ofMinutes(5));

    @Test
    void aNonceIsGoodOnceForEachNewCountOnItsOwnFlow() {
        String nonce = nonces.issue(ALICE);

        assertThat(nonces.use(nonce, ALICE, "00000001")).isEqualTo(Nonces.Check.VALID);
        assertThat(nonces.use(nonce, ALICE, "00000001")).as("the same answer again").isEqualTo(Nonces.Check.REPLAYED);
        assertThat(nonces.use(nonce, ALICE, "00000002")).isEqualTo(Nonces.Check.VALID);
        assertThat(nonces.use(nonce, ALICE, "00000001")).as("a lower count").isEqualTo(Nonces.Check.REPLAYED);
    }

    @Test
    void aNonceIsWorthlessOnAnotherFlow() {
        String nonce = nonces.issue(ALICE);

        assertThat(nonces.use(nonce, MALLORY, "00000001")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, new Flow("tcp", "192.0.2.10", 50_123, 9), "00000001"))
                .as("a later connection from the same port").isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, "00000001")).as("still good for its own flow").isEqualTo(Nonces.Check.VALID);
    }

    @Test
    void aNonceIsValidForExactlyItsLifetimeThenStaleOnce() {
        String first = nonces.issue(ALICE);
        String second = nonces.issue(ALICE);

        clock.advance(Duration.ofMinutes(5));
        assertThat(nonces.use(first, ALICE, "00000001")).isEqualTo(Nonces.Check.VALID);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.use(second, ALICE, "00000001")).isEqualTo(Nonces.Check.STALE);
        assertThat(nonces.use(second, ALICE, "00000002")).as("forgotten once stale").isEqualTo(Nonces.Check.INVALID);
    }

    @Test
    void unknownNoncesAndBadCountsAreInvalid() {
        String nonce = nonces.issue(ALICE);

        assertThat(nonces.use("not-issued", ALICE, "00000001")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(new Nonces(clock, Duration.ofMinutes(5)).issue(ALICE), ALICE, "00000001"))
                .as("another node's, or from before a restart").isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(null, ALICE, "00000001")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, null)).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, "00000000")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, "zz")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, "100000000")).as("more than 8 hex digits").isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(nonce, ALICE, "0000000a")).isEqualTo(Nonces.Check.VALID);
    }

    @Test
    void noncesAreUnpredictable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(nonces.issue(ALICE))).isTrue();
        }
        assertThat(seen.iterator().next()).hasSize(24);
    }

    @Test
    void pastTheLimitExpiredAndThenTheOldestNoncesGo() {
        String oldest = nonces.issue(ALICE);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 1; i < Nonces.MAX_OUTSTANDING; i++) {
            nonces.issue(ALICE);
        }
        String newest = nonces.issue(ALICE);

        assertThat(nonces.outstanding()).isLessThanOrEqualTo(Nonces.MAX_OUTSTANDING)
                .isGreaterThan(Nonces.MAX_OUTSTANDING * 8 / 10);
        assertThat(nonces.use(oldest, ALICE, "00000001")).isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(newest, ALICE, "00000001")).isEqualTo(Nonces.Check.VALID);
    }
}
