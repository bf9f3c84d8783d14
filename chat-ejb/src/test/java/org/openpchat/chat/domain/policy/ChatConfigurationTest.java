package org.openpchat.chat.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void configurationRefusesATagScope() {
        assertThatThrownBy(() -> new ChatConfiguration(Scope.tag("Traders")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(new ChatConfiguration(Scope.GLOBAL).scope()).isEqualTo(Scope.GLOBAL);
        assertThat(new ChatConfiguration(Scope.service("pc1.example.com")).scope())
                .isEqualTo(Scope.service("pc1.example.com"));
    }

    @Test
    void policyRefusesAServiceScope() {
        assertThatThrownBy(() -> new ChatPolicy(Scope.service("pc1.example.com"), true, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        ChatPolicy policy = new ChatPolicy(Scope.tag("Traders"), true, "for traders");
        assertThat(policy.scope()).isEqualTo(Scope.tag("Traders"));
        assertThat(policy.enablePersistentChat()).isTrue();
        assertThat(new ChatPolicy(Scope.site("Redmond"), false, null).scope()).isEqualTo(Scope.site("Redmond"));
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
