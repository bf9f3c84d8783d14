package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveWrongPasswordsLockTheUserAndEachMoreDoublesTheWait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sip:bob@example.com", "10.0.0.1");
            assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.1")).isZero();
        }
        throttle.failed("sip:bob@example.com", "10.0.0.1");
        assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.2")).isEqualTo(30);
        assertThat(throttle.secondsLocked("sip:alice@example.com", "10.0.0.1")).as("others from there").isZero();

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.1")).isZero();
        throttle.failed("sip:bob@example.com", "10.0.0.1");
        assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.1")).isEqualTo(60);
    }

    @Test
    void aRightPasswordEndsTheUsersCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sip:bob@example.com", "10.0.0.1");
        }
        throttle.succeeded("sip:bob@example.com", "10.0.0.1");
        throttle.failed("sip:bob@example.com", "10.0.0.1");
        assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.1")).isZero();
    }

    @Test
    void oneAddressGuessingManyUsersIsLockedToo() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("sip:user" + i + "@example.com", "10.0.0.9");
        }
        assertThat(throttle.secondsLocked("sip:fresh@example.com", "10.0.0.9")).isEqualTo(30);
        assertThat(throttle.secondsLocked("sip:fresh@example.com", "10.0.0.8")).isZero();
    }

    @Test
    void oldFailuresAreForgottenAndTheLockoutIsCapped() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sip:bob@example.com", "10.0.0.1");
        }
        clock.advance(SignInThrottle.MEMORY.plusSeconds(1));
        throttle.failed("sip:bob@example.com", "10.0.0.1");
        assertThat(throttle.secondsLocked("sip:bob@example.com", "10.0.0.1")).isZero();

        assertThat(SignInThrottle.lockout(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.lockout(100)).isEqualTo(SignInThrottle.MAX_LOCKOUT);
    }
}
