package org.openpchat.chat.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.domain.shared.DomainException;

class ChatConfigurationTest {

    private final ChatConfiguration configuration = new ChatConfiguration(Scope.site("Redmond"));

    @Test
    void defaultChatHistoryAcceptsOneToFiveHundred() {
        assertThat(configuration.defaultChatHistory()).isEqualTo(ChatConfiguration.DEFAULT_CHAT_HISTORY);
        configuration.changeDefaultChatHistory(1);
        assertThat(configuration.defaultChatHistory()).isEqualTo(1);
        configuration.changeDefaultChatHistory(500);
        assertThat(configuration.defaultChatHistory()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 501, -1})
    void defaultChatHistoryOutOfRangeIsRefusedAndKeepsTheOldValue(int value) {
        assertThatThrownBy(() -> configuration.changeDefaultChatHistory(value))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(configuration.defaultChatHistory()).isEqualTo(ChatConfiguration.DEFAULT_CHAT_HISTORY);
    }

    @Test
    void roomManagementUrlMustBeHttpOrHttps() {
        configuration.changeRoomManagementUrl("https://chat.example.com/rooms");
        assertThat(configuration.roomManagementUrl()).isEqualTo("https://chat.example.com/rooms");
        configuration.changeRoomManagementUrl("http://chat.example.com/");
        assertThat(configuration.roomManagementUrl()).isEqualTo("http://chat.example.com/");

        for (String bad : new String[] {"ftp://chat.example.com/", "chat.example.com/rooms", "/rooms", "http://"}) {
            assertThatThrownBy(() -> configuration.changeRoomManagementUrl(bad)).as(bad)
                    .isInstanceOf(DomainException.class);
        }
        assertThat(configuration.roomManagementUrl()).isEqualTo("http://chat.example.com/");

        configuration.changeRoomManagementUrl(" ");
        assertThat(configuration.roomManagementUrl()).as("blank clears it").isNull();
    }

    @Test
    void clientsAreSentTheServersOwnPageUnlessAnAdministratorSetAnother() {
        String ownPage = "https://pchat.example.com:8181/pchat/rooms/";
        assertThat(configuration.roomManagementUrlOr(ownPage)).isEqualTo(ownPage);

        configuration.changeRoomManagementUrl("https://intranet.example.com/chat-rooms");
        assertThat(configuration.roomManagementUrlOr(ownPage)).isEqualTo("https://intranet.example.com/chat-rooms");

        configuration.changeRoomManagementUrl("");
        assertThat(configuration.roomManagementUrlOr(ownPage)).as("cleared: the default again").isEqualTo(ownPage);
    }

    @Test
    void aHistoryRequestGetsWhatItAsksForUpToDefaultChatHistory() {
        configuration.changeDefaultChatHistory(3);
        assertThat(configuration.backchatSize(25)).isEqualTo(3);
        assertThat(configuration.backchatSize(4)).isEqualTo(3);
        assertThat(configuration.backchatSize(3)).isEqualTo(3);
        assertThat(configuration.backchatSize(2)).isEqualTo(2);
        assertThat(configuration.backchatSize(1)).isEqualTo(1);
        assertThat(configuration.backchatSize(0)).as("0 asks for the default").isEqualTo(3);
        assertThatThrownBy(() -> configuration.backchatSize(-1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(new ChatConfiguration(Scope.GLOBAL).backchatSize(0)).isEqualTo(30);
        assertThat(new ChatConfiguration(Scope.GLOBAL).backchatSize(500)).isEqualTo(30);
    }

    /** Lync Server 2013's documented defaults for Set-CsPersistentChatConfiguration, written out here. */
    @Test
    void aNewConfigurationHasLyncsDefaults() {
        ChatConfiguration fresh = new ChatConfiguration(Scope.GLOBAL);
        assertThat(fresh.defaultChatHistory()).isEqualTo(30);
        assertThat(fresh.maxFileSizeKb()).isEqualTo(20000);
        assertThat(fresh.participantUpdateLimit()).isEqualTo(75);
        assertThat(fresh.roomManagementUrl()).isNull();
    }

    @Test
    void participantUpdateLimitAndMaxFileSizeHaveLyncsRanges() {
        configuration.changeParticipantUpdateLimit(0);
        assertThat(configuration.participantUpdateLimit()).isZero();
        configuration.changeParticipantUpdateLimit(100_000);
        assertThat(configuration.participantUpdateLimit()).isEqualTo(100_000);
        assertThatThrownBy(() -> configuration.changeParticipantUpdateLimit(-1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> configuration.changeParticipantUpdateLimit(100_001)).isInstanceOf(DomainException.class);
        assertThat(configuration.participantUpdateLimit()).isEqualTo(100_000);

        configuration.changeMaxFileSizeKb(1);
        assertThat(configuration.maxFileSizeKb()).isEqualTo(1);
        assertThatThrownBy(() -> configuration.changeMaxFileSizeKb(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> configuration.changeMaxFileSizeKb(2_097_153)).isInstanceOf(DomainException.class);
        assertThat(configuration.maxFileSizeKb()).isEqualTo(1);
    }

    @Test
    void configurationIsGlobalPerSiteOrPerServiceNeverATag() {
        assertThatThrownBy(() -> new ChatConfiguration(Scope.tag("Traders")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        for (Scope accepted : List.of(Scope.GLOBAL, Scope.site("Redmond"), Scope.service("pc1.example.com"))) {
            assertThatCode(() -> new ChatConfiguration(accepted)).as(accepted.identity()).doesNotThrowAnyException();
        }
    }

    @Test
    void policyIsGlobalPerSiteOrATagNeverAService() {
        assertThatThrownBy(() -> new ChatPolicy(Scope.service("pc1.example.com"), true, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        for (Scope accepted : List.of(Scope.GLOBAL, Scope.site("Redmond"), Scope.tag("Traders"))) {
            assertThatCode(() -> new ChatPolicy(accepted, true, null)).as(accepted.identity())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void policyDescriptionIsBoundedAndOptional() {
        assertThatThrownBy(() -> new ChatPolicy(Scope.GLOBAL, true, "d".repeat(1025)))
                .isInstanceOf(DomainException.class);
        ChatPolicy policy = new ChatPolicy(Scope.tag("Traders"), false, "d".repeat(1024));
        assertThatThrownBy(() -> policy.describe("e".repeat(1025))).isInstanceOf(DomainException.class);
        assertThat(policy.description()).isEqualTo("d".repeat(1024));
        policy.describe(null);
        assertThat(policy.description()).isNull();
    }

    @Test
    void fileSizeAndParticipantUpdateLimitKeepTheirValuesAndThereIsNoIdUntilStored() {
        assertThat(configuration.maxFileSizeKb()).isEqualTo(ChatConfiguration.DEFAULT_MAX_FILE_SIZE_KB);
        assertThat(configuration.participantUpdateLimit()).isEqualTo(ChatConfiguration.DEFAULT_PARTICIPANT_UPDATE_LIMIT);
        configuration.changeMaxFileSizeKb(1);
        configuration.changeParticipantUpdateLimit(0);
        assertThat(configuration.maxFileSizeKb()).isEqualTo(1);
        assertThat(configuration.participantUpdateLimit()).isZero();
        assertThat(configuration.id()).isNull();
    }
}
