package org.openpchat.chat.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class ConversationTest {

    @Test
    void groupsByRoomKeepingOrder() {
        ComplianceEvent join = event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null);
        ComplianceEvent deskChat = event(2, ComplianceEventType.CHAT, DESK, BOB, 1, "hi");
        ComplianceEvent chat = event(3, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "hello");

        List<Conversation> conversations = Conversation.group(List.of(join, deskChat, chat));

        assertThat(conversations).extracting(c -> c.room().name()).containsExactly("Lobby", "Desk & Co <trading>");
        assertThat(conversations.get(0).events()).containsExactly(join, chat);
        assertThat(conversations.get(0).firstMessage()).isEqualTo(join);
        assertThat(conversations.get(0).start()).isEqualTo(join.occurredAt());
        assertThat(conversations.get(0).end()).isEqualTo(chat.occurredAt());
    }

    @Test
    void joinAndPartCarryNoContent() {
        assertThat(event(1, ComplianceEventType.PART, LOBBY, ALICE, 0, "ignored").content()).isNull();
        assertThat(event(1, ComplianceEventType.BACKCHAT, LOBBY, ALICE, 0, "newest 3").content())
                .isEqualTo("newest 3");
    }

    @Test
    void refusesInvalidEvents() {
        assertThatThrownBy(() -> new ComplianceEvent("not-a-uuid", ComplianceEventType.CHAT,
                Instant.EPOCH, LOBBY, ALICE, 1, "x")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> event(1, ComplianceEventType.CHAT, LOBBY, ALICE, -1, "x"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> event(1, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "x".repeat(8001)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void emailIsTheSipAddress() {
        assertThat(ALICE.email()).isEqualTo("alice@example.com");
        assertThat(new ComplianceUser("administrator", null, 0, true).email()).isEmpty();
    }

    @Test
    void anEventHoldsContentOfExactlyTheMaximumLengthAndGetsANewIdEachTime() {
        String longest = "c".repeat(ComplianceEvent.MAX_CONTENT);
        ComplianceEvent first = ComplianceEvent.of(ComplianceEventType.CHAT, Instant.EPOCH,
                LOBBY, ALICE, 1, longest);
        ComplianceEvent second = ComplianceEvent.of(ComplianceEventType.CHAT, Instant.EPOCH,
                LOBBY, ALICE, 1, longest);

        assertThat(first.content()).isEqualTo(longest);
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThatThrownBy(() -> ComplianceEvent.of(ComplianceEventType.CHAT,
                Instant.EPOCH, LOBBY, ALICE, 1, longest + "c"))
                .isInstanceOf(DomainException.class);
    }
}
