package org.openpchat.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

class VerifiedPasswordsTest {

    private final MovableClock clock = new MovableClock();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final VerifiedPasswords verified = new VerifiedPasswords(clock, user -> generations.getOrDefault(user, 0L));

    @Test
    void onlyTheSamePasswordWithinTheMinuteIsRemembered() {
        verified.remember("sip:alice@example.com", "Passw0rd!", Set.of("pchat-users"), 0);

        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).contains(Set.of("pchat-users"));
        assertThat(verified.check("sip:alice@example.com", "passw0rd!")).isEmpty();
        assertThat(verified.check("sip:bob@example.com", "Passw0rd!")).isEmpty();
        clock.advance(VerifiedPasswords.TTL.plus(Duration.ofSeconds(1)));
        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).isEmpty();
    }

    @Test
    void aChangedCredentialAsksForTheDirectoryAgain() {
        long generation = verified.credentialGeneration("sip:alice@example.com");
        verified.remember("sip:alice@example.com", "Passw0rd!", Set.of(), generation);
        generations.put("sip:alice@example.com", 1L);

        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).isEmpty();
    }

    @Test
    void aPasswordCheckedBeforeTheChangeIsNotRemembered() {
        long readBeforeTheCheck = verified.credentialGeneration("sip:alice@example.com");
        generations.put("sip:alice@example.com", 1L);
        verified.remember("sip:alice@example.com", "Passw0rd!", Set.of(), readBeforeTheCheck);

        assertThat(verified.check("sip:alice@example.com", "Passw0rd!")).isEmpty();
    }
}
