package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosParser;

class RoomFanoutTest {

    private static final String LOBBY = "ma-chan://example.com/lobby";

    private final ChatSessions sessions = new ChatSessions();
    private final XccosParser parser = new XccosParser();

    @Test
    void everyDialogInTheRoomGetsThePostOnceTheAuthorsIncluded() {
        ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
        ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");
        ChatSessions.ChatSession carol = sessions.open("s-carol", "carol@example.com");
        sessions.enter(alice, LOBBY);
        sessions.enter(bob, LOBBY);
        sessions.enter(carol, "ma-chan://example.com/elsewhere");
        PostedMessage post = new PostedMessage("lobby", LOBBY, 42, PrincipalId.user("alice@example.com"),
                Instant.parse("2026-11-30T10:00:00Z"), "hi & <bye>");

        List<Outgoing> outbox = RoomFanout.deliveries(post, sessions.sessionsIn(LOBBY));

        assertThat(outbox).extracting(Outgoing::sessionId).containsExactlyInAnyOrder("s-alice", "s-bob");
        assertThat(outbox.get(0).xccos()).as("encoded once for all").isSameAs(outbox.get(1).xccos());
        XccosElement delivered = parser.parse(outbox.get(0).xccos()).elements().get(0);
        assertThat(delivered.id()).isEqualTo("grpchat");
        assertThat(delivered.node().attribute("chanUri")).isEqualTo(LOBBY);
        assertThat(delivered.node().attribute("author")).isEqualTo("sip:alice@example.com");
        assertThat(delivered.node().attribute("msgid")).isEqualTo("42");
        assertThat(delivered.node().child("chat").text()).isEqualTo("hi & <bye>");
    }

    @Test
    void anEmptyRoomGetsNothing() {
        PostedMessage post = new PostedMessage("lobby", LOBBY, 1, PrincipalId.user("alice@example.com"),
                Instant.parse("2026-11-30T10:00:00Z"), "anyone?");

        assertThat(RoomFanout.deliveries(post, sessions.sessionsIn(LOBBY))).isEmpty();
    }
}
