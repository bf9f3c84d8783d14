package org.openpchat.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final MutableClock clock = new MutableClock();
    private final VerifiedPasswords verified = new VerifiedPasswords(clock);

    @Test
    void onlyTheSamePasswordWithinTheMinuteIsRemembered() {
        verified.remember("sip:alice@example.com", "Passw0rd!", Set.of("pchat-users"));

        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).contains(Set.of("pchat-users"));
        assertThat(verified.check("sip:alice@example.com", "passw0rd!")).isEmpty();
        assertThat(verified.check("sip:bob@example.com", "Passw0rd!")).isEmpty();
        clock.advance(VerifiedPasswords.TTL.plus(Duration.ofSeconds(1)));
        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).isEmpty();
    }

    @Test
    void forgettingAUserAsksForTheDirectoryAgain() {
        verified.remember("sip:alice@example.com", "Passw0rd!", Set.of());
        verified.forget("Alice@Example.com");
        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).isEmpty();
    }
}
