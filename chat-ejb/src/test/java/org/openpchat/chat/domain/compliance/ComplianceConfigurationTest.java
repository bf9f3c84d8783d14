package org.openpchat.chat.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.shared.DomainException;

class ComplianceConfigurationTest {

    @Test
    void hasLyncDefaultsAndDoesNotExportWithoutAdapter() {
        ComplianceConfiguration configuration = new ComplianceConfiguration(Scope.GLOBAL);
        assertThat(configuration.runInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(configuration.purgeAfterProcessing()).isTrue();
        assertThat(configuration.oneChatRoomPerOutputFile()).isFalse();
        assertThat(configuration.exports()).isFalse();
        configuration.changeAdapterType("XmlAdapter");
        assertThat(configuration.exports()).isFalse();
        configuration.changeOutputDirectory("/var/pchat/compliance");
        assertThat(configuration.exports()).isTrue();
        configuration.changeAdapterType("  ");
        assertThat(configuration.exports()).isFalse();
    }

    @Test
    void runIntervalIsOneMinuteToThirtyDays() {
        ComplianceConfiguration configuration = new ComplianceConfiguration(Scope.site("Redmond"));
        configuration.changeRunInterval(Duration.ofMinutes(1));
        configuration.changeRunInterval(Duration.ofDays(30));
        assertThat(configuration.runInterval()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> configuration.changeRunInterval(Duration.ofSeconds(59)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> configuration.changeRunInterval(Duration.ofDays(30).plusMinutes(1)))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> configuration.changeRunInterval(Duration.ofSeconds(90)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void isNotPerUser() {
        assertThatThrownBy(() -> new ComplianceConfiguration(Scope.tag("x"))).isInstanceOf(DomainException.class);
        assertThat(new ComplianceConfiguration(Scope.service("PC1.example.com")).scope().identity())
                .isEqualTo("service:PersistentChatServer:pc1.example.com");
    }
}
