package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Reading history: who may, the page sizes and their caps, and the BACKCHAT report of every read. */
class HistoryServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId bob = server.user("bob");
    private final Category trading = server.category("Trading");
    private final Room desk = server.room("Desk", trading);
    private final HistoryService service = server.historyService();

    HistoryServiceTest() {
        desk.modifyMembers(AccessList.adding(alice), server.principals::affiliationsOf);
    }

    private Actor alice() {
        return server.actor(alice);
    }

    private void post(int count) {
        IntStream.range(0, count).forEach(i -> server.messages.post(desk, "alice@example.com",
                InMemoryChatServer.NOW, "m" + (i + 1)));
    }

    private static List<Long> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::messageId).toList();
    }

    private void defaultChatHistory(int size) {
        server.policyService().setConfiguration(server.admin, "global", new ConfigurationChange(size, null, null,
                null));
    }

    @Test
    void theNewestMessagesComeOldestFirstAndTheReadIsReported() {
        post(5);

        assertThat(ids(service.newest(alice(), "Desk", 3))).containsExactly(3L, 4L, 5L);

        ComplianceEvent read = server.compliance.only();
        assertThat(read.type()).isEqualTo(ComplianceEventType.BACKCHAT);
        assertThat(read.content()).isEqualTo("newest 3; 3 messages (3-5)");
        assertThat(read.user().uri()).isEqualTo("sip:alice@example.com");
        assertThat(read.occurredAt()).isEqualTo(InMemoryChatServer.NOW);
    }

    @Test
    void anEmptyReadIsReportedToo() {
        assertThat(service.newest(alice(), "Desk", 3)).isEmpty();
        assertThat(server.compliance.only().content()).isEqualTo("newest 3; 0 messages (none)");
    }

    @Test
    void zeroAsksForTheConfiguredDefaultChatHistory() {
        post(40);
        assertThat(service.newest(alice(), "Desk", 0)).as("Lync's default").hasSize(30);

        defaultChatHistory(4);
        assertThat(ids(service.newest(alice(), "Desk", 0))).containsExactly(37L, 38L, 39L, 40L);
        assertThat(service.page(alice(), "Desk", null, null, 0)).hasSize(4);
        assertThat(ids(service.before(alice(), "Desk", 10, 0))).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void pagesAreCappedAtFiveHundred() {
        post(HistoryService.MAX_PAGE + 2);

        assertThat(service.newest(alice(), "Desk", 10_000)).hasSize(HistoryService.MAX_PAGE);
        assertThat(service.newest(alice(), "Desk", HistoryService.MAX_PAGE)).hasSize(HistoryService.MAX_PAGE);
        assertThat(service.newest(alice(), "Desk", HistoryService.MAX_PAGE - 1))
                .hasSize(HistoryService.MAX_PAGE - 1);
        assertThat(service.after(alice(), "Desk", 0, 501)).hasSize(HistoryService.MAX_PAGE);
        assertThat(server.compliance.events()).extracting(ComplianceEvent::content).first()
                .isEqualTo("newest 500; 500 messages (3-502)");
    }

    @Test
    void aNegativePageSizeIsRefused() {
        assertThatThrownBy(() -> service.newest(alice(), "Desk", -1))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThatThrownBy(() -> service.backchat(alice(), "Desk", -1))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThat(server.compliance.events()).isEmpty();
    }

    @Test
    void pagesBeforeAndAfterAMessage() {
        post(10);

        assertThat(ids(service.before(alice(), "Desk", 5, 2))).containsExactly(3L, 4L);
        assertThat(ids(service.after(alice(), "Desk", 5, 2))).containsExactly(6L, 7L);
        assertThat(server.compliance.events()).extracting(ComplianceEvent::content).containsExactly(
                "before 5, 2; 2 messages (3-4)", "after 5, 2; 2 messages (6-7)");
    }

    @Test
    void theRestApiReadsOnePageOfRoomMessages() {
        post(10);

        assertThat(service.page(alice(), "Desk", 5L, null, 2)).extracting(RoomMessage::id).containsExactly(3L, 4L);
        assertThat(service.page(alice(), "Desk", null, 8L, 5)).extracting(RoomMessage::id).containsExactly(9L,
                10L);
        List<RoomMessage> newest = service.page(alice(), "Desk", null, null, 1);
        assertThat(newest).containsExactly(new RoomMessage("Desk", 10, "sip:alice@example.com",
                InMemoryChatServer.NOW, "m10"));
        assertThatThrownBy(() -> service.page(alice(), "Desk", 5L, 8L, 2))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThat(server.compliance.events()).hasSize(3);
    }

    @Test
    void aClientsBackchatGetsAtMostTheDefaultChatHistory() {
        post(10);
        defaultChatHistory(4);

        assertThat(ids(service.backchat(alice(), "Desk", 2))).containsExactly(9L, 10L);
        assertThat(ids(service.backchat(alice(), "Desk", 25))).containsExactly(7L, 8L, 9L, 10L);
        assertThat(service.backchat(alice(), "Desk", 0)).hasSize(4);
        assertThat(server.compliance.events()).extracting(ComplianceEvent::content).first()
                .isEqualTo("newest 2; 2 messages (9-10)");
    }

    @Test
    void onlyWhoMayJoinReadsAndOnlyWhereHistoryIsKept() {
        post(3);
        Actor bob = server.actor(this.bob);

        assertThatThrownBy(() -> service.newest(bob, "Desk", 3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.backchat(bob, "Desk", 3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.before(bob, "Desk", 3, 3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.after(bob, "Desk", 0, 3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.page(bob, "Desk", null, null, 3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.newest(server.admin, "Desk", 3))
                .as("administrators read only as the user rules allow")
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        trading.enableChatHistory(false);
        assertThatThrownBy(() -> service.newest(alice(), "Desk", 3))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("category 'Trading' keeps no chat history");
        assertThat(server.compliance.events()).isEmpty();
    }
}
