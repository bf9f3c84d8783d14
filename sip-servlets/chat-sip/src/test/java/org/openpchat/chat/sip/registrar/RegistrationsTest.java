package org.openpchat.chat.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.directory.CredentialGenerations;
import org.openpchat.chat.application.directory.CredentialsChanged;
import org.openpchat.chat.application.health.SignedInConnections;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.sip.auth.Flow;

class RegistrationsTest {

    private static final Flow ALICE_FLOW = new Flow("tcp", "192.0.2.10", 50_123, 1);

    private final MovableClock clock = new MovableClock();
    private final CredentialGenerations credentials = new CredentialGenerations();
    private final SignedInConnections gauge = new SignedInConnections();
    private final Registrations registrations = new Registrations(clock, credentials, gauge);

    private void bindAlice(int seconds) {
        long generation = registrations.credentialGeneration("alice@example.com");
        registrations.bind(ALICE_FLOW, "alice@example.com", "<sip:alice@192.0.2.10:50123>", seconds, generation);
    }

    @Test
    void aBindingIsTrustedForItsUserOnItsFlowOnly() {
        bindAlice(600);

        assertThat(registrations.trusts(ALICE_FLOW, "Alice@Example.com")).isTrue();
        assertThat(registrations.trusts(ALICE_FLOW, "bob@example.com")).isFalse();
        assertThat(registrations.trusts(new Flow("udp", "192.0.2.10", 50_123, 0), "alice@example.com")).isFalse();
        assertThat(registrations.trusts(new Flow("tcp", "192.0.2.10", 50_124, 2), "alice@example.com")).isFalse();
    }

    @Test
    void aRegistrationOverUdpIsNeverTrusted() {
        Flow udp = new Flow("udp", "192.0.2.10", 5060, 0);
        registrations.bind(udp, "alice@example.com", null, 600, registrations.credentialGeneration("alice@example.com"));

        assertThat(registrations.trusts(udp, "alice@example.com")).isFalse();
    }

    @Test
    void aLaterConnectionFromTheSameAddressAndPortIsNotTrusted() {
        bindAlice(600);

        assertThat(registrations.trusts(new Flow("tcp", "192.0.2.10", 50_123, 99), "alice@example.com")).isFalse();
    }

    @Test
    void theDashboardsGaugeCountsBoundConnections() {
        bindAlice(600);
        registrations.bind(new Flow("tls", "192.0.2.11", 5061, 3), "bob@example.com", "<sip:bob@192.0.2.11>", 60,
                registrations.credentialGeneration("bob@example.com"));
        assertThat(gauge.count()).isEqualTo(2);

        registrations.unbind(ALICE_FLOW);
        assertThat(gauge.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        registrations.forgetExpired();
        assertThat(gauge.count()).isZero();
    }

    @Test
    void liveConnectionsAreThoseWithATrustedSignIn() {
        bindAlice(600);
        Flow bobFlow = new Flow("tcp", "192.0.2.11", 50_000, 4);
        Flow carolFlow = new Flow("tcp", "192.0.2.12", 50_000, 5);
        registrations.bind(bobFlow, "bob@example.com", null, 60, registrations.credentialGeneration("bob@example.com"));
        registrations.bind(carolFlow, "carol@example.com", null, 600,
                registrations.credentialGeneration("carol@example.com"));
        assertThat(registrations.liveConnections()).containsExactlyInAnyOrder(1L, 4L, 5L);

        clock.advance(Duration.ofSeconds(60));
        registrations.unbind(ALICE_FLOW);
        credentials.changed(new CredentialsChanged(PrincipalId.user("carol@example.com")));

        assertThat(registrations.liveConnections()).as("expired, signed out, credential changed").isEmpty();
    }

    @Test
    void unbindingEndsTheTrust() {
        bindAlice(600);
        registrations.unbind(ALICE_FLOW);

        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).isFalse();
    }

    @Test
    void aBindingExpires() {
        bindAlice(600);
        clock.advance(Duration.ofSeconds(599));
        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).isFalse();
    }

    @Test
    void forgettingExpiredBindingsKeepsTheCurrentOnes() {
        Flow bobFlow = new Flow("tcp", "192.0.2.11", 50_000, 4);
        bindAlice(600);
        registrations.bind(bobFlow, "bob@example.com", null, 3600, registrations.credentialGeneration("bob@example.com"));
        clock.advance(Duration.ofMinutes(20));

        registrations.forgetExpired();
        clock.advance(Duration.ofMinutes(-20));

        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).as("forgotten, even with the clock put back")
                .isFalse();
        assertThat(registrations.trusts(bobFlow, "bob@example.com")).isTrue();
    }

    @Test
    void aChangedCredentialEndsTheTrustOfEarlierSignInsOnly() {
        bindAlice(600);
        Flow bobFlow = new Flow("tcp", "192.0.2.11", 50_000, 4);
        registrations.bind(bobFlow, "bob@example.com", null, 600, registrations.credentialGeneration("bob@example.com"));

        credentials.changed(new CredentialsChanged(PrincipalId.user("sip:alice@example.com")));

        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).isFalse();
        assertThat(registrations.trusts(bobFlow, "bob@example.com")).isTrue();
        bindAlice(600);
        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).as("signed in again").isTrue();
    }

    @Test
    void aSignInCheckedAgainstTheOldCredentialIsNotTrusted() {
        long readBeforeTheCheck = registrations.credentialGeneration("alice@example.com");
        credentials.changed(new CredentialsChanged(PrincipalId.user("alice@example.com")));
        registrations.bind(ALICE_FLOW, "alice@example.com", null, 600, readBeforeTheCheck);

        assertThat(registrations.trusts(ALICE_FLOW, "alice@example.com")).isFalse();
    }
}
