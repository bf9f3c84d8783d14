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

    @Test
    void keepsEverySettingAsChanged() {
        ComplianceConfiguration configuration = new ComplianceConfiguration(Scope.GLOBAL);
        assertThat(configuration.adapterName()).isEqualTo("XmlAdapter");
        assertThat(configuration.addChatRoomDetails()).isFalse();
        assertThat(configuration.addUserDetails()).isFalse();
        assertThat(configuration.createFileAttachmentsManifest()).isFalse();
        assertThat(configuration.customConfiguration()).isNull();
        assertThat(configuration.id()).isNull();

        configuration.changeAdapterType(" XmlAdapter ");
        configuration.changeAdapterName("Archive");
        configuration.changeOutputDirectory(" /var/pchat ");
        configuration.changeOneChatRoomPerOutputFile(true);
        configuration.changeAddChatRoomDetails(true);
        configuration.changeAddUserDetails(true);
        configuration.changeCreateFileAttachmentsManifest(true);
        configuration.changeCustomConfiguration("<xsl:stylesheet/>");
        configuration.changePurgeAfterProcessing(false);

        assertThat(configuration.adapterType()).isEqualTo("XmlAdapter");
        assertThat(configuration.adapterName()).isEqualTo("Archive");
        assertThat(configuration.outputDirectory()).isEqualTo("/var/pchat");
        assertThat(configuration.oneChatRoomPerOutputFile()).isTrue();
        assertThat(configuration.addChatRoomDetails()).isTrue();
        assertThat(configuration.addUserDetails()).isTrue();
        assertThat(configuration.createFileAttachmentsManifest()).isTrue();
        assertThat(configuration.customConfiguration()).isEqualTo("<xsl:stylesheet/>");
        assertThat(configuration.purgeAfterProcessing()).isFalse();

        configuration.changeCustomConfiguration(" ");
        assertThat(configuration.customConfiguration()).isNull();
    }
}
