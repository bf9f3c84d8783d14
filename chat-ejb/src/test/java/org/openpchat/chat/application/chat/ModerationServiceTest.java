package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Administrators removing, replacing and clearing posts: the effect on history, compliance and audit. */
class ModerationServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-03T10:00:00Z");

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final Room lobby = server.room("Lobby", server.category("Trading"));
    private final ChatMessage first = server.messages.post(lobby, "alice@example.com", T1, "first");
    private final ChatMessage second = server.messages.post(lobby, "bob@example.com", T2, "second");
    private final ChatMessage third = server.messages.post(lobby, "alice@example.com", T3, "third");
    private final ModerationService service = server.moderationService();
    private final Actor admin = server.admin;

    @Test
    void administratorsFindAnyPost() {
        assertThat(service.find(admin, "Lobby", 2)).isEqualTo(new RoomMessage("Lobby", 2, "sip:bob@example.com",
                T2, "second"));
        assertThatThrownBy(() -> service.find(admin, "Lobby", 9))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("room 'Lobby' has no message 9");
    }

    @Test
    void aRemovedPostIsGoneReportedAndAudited() {
        RoomMessage before = RoomMessage.of("Lobby", second);

        service.remove(admin, "Lobby", 2);

        assertThat(server.messages.in(lobby)).containsExactly(first, third);
        ComplianceEvent event = server.compliance.only();
        assertThat(event.type()).isEqualTo(ComplianceEventType.REMOVE);
        assertThat(event.messageId()).isEqualTo(2);
        assertThat(event.content()).isEqualTo("removed: second");
        assertThat(event.occurredAt()).isEqualTo(InMemoryChatServer.NOW);
        assertThat(event.user()).isEqualTo(new ComplianceUser("system:test", "Persistent Chat administrator", 0,
                true));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Remove-CsPersistentChatMessage",
                "room:Lobby/message:2", before, null));
        assertThat(server.locks.locked()).containsExactly(second);
        assertThatThrownBy(() -> service.remove(admin, "Lobby", 2))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void aReplacedPostSaysTheReplacementAndTheReportKeepsBoth() {
        RoomMessage before = RoomMessage.of("Lobby", first);

        RoomMessage after = service.replace(admin, "Lobby", 1, "[redacted]");

        assertThat(after).isEqualTo(new RoomMessage("Lobby", 1, "sip:alice@example.com", T1, "[redacted]"));
        assertThat(server.messages.find(lobby, 1)).map(ChatMessage::content).contains("[redacted]");
        ComplianceEvent event = server.compliance.only();
        assertThat(event.type()).isEqualTo(ComplianceEventType.REPLACE);
        assertThat(event.messageId()).isEqualTo(1);
        assertThat(event.content()).isEqualTo("replaced: first\nwith: [redacted]");
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Remove-CsPersistentChatMessage",
                "room:Lobby/message:1", before, after));
        assertThat(server.locks.locked()).containsExactly(first);
    }

    @Test
    void noReplacementTextIsLyncsSentence() {
        assertThat(service.replace(admin, "Lobby", 1, null).content()).isEqualTo(ChatMessage.REPLACED_BY_ADMINISTRATOR);
        assertThat(service.replace(admin, "Lobby", 2, " ").content()).isEqualTo(ChatMessage.REPLACED_BY_ADMINISTRATOR);
    }

    @Test
    void theReportOfALongPostIsCutToTheComplianceLimit() {
        ChatMessage longPost = server.messages.post(lobby, "alice@example.com", T3, "x".repeat(8000));

        service.remove(admin, "Lobby", longPost.messageId());
        service.replace(admin, "Lobby", 3, "y".repeat(8000));

        assertThat(server.compliance.events()).extracting(event -> event.content().length())
                .containsExactly(ComplianceEvent.MAX_CONTENT, ComplianceEvent.MAX_CONTENT);
        assertThat(server.compliance.events().get(0).content()).startsWith("removed: xxx");
    }

    @Test
    void aShortReportIsNotCut() {
        ChatMessage post = server.messages.post(lobby, "alice@example.com", T3,
                "x".repeat(ComplianceEvent.MAX_CONTENT - "removed: ".length()));

        service.remove(admin, "Lobby", post.messageId());

        assertThat(server.compliance.only().content()).hasSize(ComplianceEvent.MAX_CONTENT).endsWith("x");
    }

    @Test
    void clearingRemovesThePostsBeforeTheInstant() {
        int removed = service.clear(admin, "Lobby", T3);

        assertThat(removed).isEqualTo(2);
        assertThat(server.messages.in(lobby)).containsExactly(third);
        ComplianceEvent event = server.compliance.only();
        assertThat(event.type()).isEqualTo(ComplianceEventType.CLEAR);
        assertThat(event.content()).isEqualTo("cleared 2 messages posted before " + T3);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Clear-CsPersistentChatRoom",
                "room:Lobby", new ModerationService.Cleared(T3, 0), new ModerationService.Cleared(T3, 2)));
        assertThat(server.locks.locked()).containsExactly(lobby);
        assertThatThrownBy(() -> service.clear(admin, "Lobby", null))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
    }

    @Test
    void nobodyButAnAdministratorModerates() {
        Actor alice = server.actor(server.user("alice"));

        assertThatThrownBy(() -> service.find(alice, "Lobby", 1)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN).hasMessage("only Persistent Chat administrators moderate chat history");
        assertThatThrownBy(() -> service.remove(alice, "Lobby", 1)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.replace(alice, "Lobby", 1, "x")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.clear(alice, "Lobby", T3)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThat(server.messages.in(lobby)).containsExactly(first, second, third);
        assertThat(first.content()).isEqualTo("first");
        assertThat(server.compliance.events()).isEmpty();
        assertThat(server.auditLog.entries()).isEmpty();
    }
}
