package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

/**
 * The INVITE of one dialog too many, as the chat endpoint answers it, and the ways a dialog ends
 * and frees its place: a BYE, the reaper of silent dialogs, the end of the sign-in it was opened
 * on (and a cut connection, which ends dialogs the same way).
 */
class DialogLimitTest {

    private final MovableClock clock = new MovableClock();
    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions(clock);
    private final DialogLimit limit = new DialogLimit(2);

    @Test
    void theInviteBeyondTheLimitIsRefused403AndOpensNothing() {
        assertThat(invite("desktop", "alice@example.com").answers).as("the endpoint answers 200 itself").isEmpty();
        assertThat(invite("laptop", "alice@example.com").answers).isEmpty();

        AnsweredRequest phone = invite("phone", "alice@example.com");

        assertThat(phone.answers).hasSize(1);
        AnsweredRequest.Answer refusal = phone.answers.get(0);
        assertThat(refusal.status).isEqualTo(403);
        assertThat(refusal.reason).isEqualTo("Too many chat sessions for this user (at most 2)");
        assertThat(refusal.sent).isTrue();
        assertThat(sessions.find("phone")).isNull();
        assertThat(sessions.of("alice@example.com")).extracting(ChatSessions.ChatSession::id)
                .containsExactlyInAnyOrder("desktop", "laptop");

        assertThat(invite("tablet", "ALICE@Example.com").answers).as("the same user in other case")
                .extracting(answer -> answer.status).containsExactly(403);
        assertThat(invite("bob", "bob@example.com").answers).as("alice's dialogs do not count for bob").isEmpty();
    }

    @Test
    void aReInviteOfAnOpenDialogIsNotOneMore() {
        invite("desktop", "alice@example.com");
        invite("laptop", "alice@example.com");
        ChatSessions.ChatSession desktop = sessions.find("desktop");

        AnsweredRequest again = new AnsweredRequest("desktop");
        assertThat(limit.open(again.request(), sessions, "alice@example.com", 0)).isSameAs(desktop);
        assertThat(again.answers).isEmpty();
    }

    @Test
    void aByeFreesAPlace() {
        invite("desktop", "alice@example.com");
        invite("laptop", "alice@example.com");
        ChatSessions.ChatSession desktop = sessions.find("desktop");
        new Joining(chat, sessions).join(desktop, "lobby");

        sessions.close(desktop.id()); // what the BYE does (ChatServlet.doBye), then Departures leaves its rooms
        DepartureBatch.leave(List.of(new DepartureBatch.Departure(desktop, FakeChat.LOBBY)), sessions, chat);

        assertThat(invite("phone", "alice@example.com").answers).isEmpty();
        assertThat(invite("tablet", "alice@example.com").answers).extracting(answer -> answer.status)
                .containsExactly(403);
    }

    @Test
    void theReaperFreesThePlacesOfSilentDialogs() {
        invite("desktop", "alice@example.com");
        invite("laptop", "alice@example.com");
        clock.advance(SilentDialogs.SILENCE.plus(Duration.ofSeconds(1)));

        assertThat(new SilentDialogs(sessions, chat, clock).end().sessionIds()).hasSize(2);

        assertThat(invite("phone", "alice@example.com").answers).isEmpty();
        assertThat(invite("tablet", "alice@example.com").answers).isEmpty();
    }

    @Test
    void dialogsOfASignInThatEndedFreeTheirPlaces() {
        AnsweredRequest desktop = new AnsweredRequest("desktop");
        limit.open(desktop.request(), sessions, "alice@example.com", 7);
        invite("laptop", "alice@example.com");

        EndedDialogs.end(sessions.signedOut(Set::of), sessions, chat, "signed out");

        assertThat(invite("phone", "alice@example.com").answers).isEmpty();
        assertThat(sessions.of("alice@example.com")).extracting(ChatSessions.ChatSession::id)
                .containsExactlyInAnyOrder("laptop", "phone");
    }

    private AnsweredRequest invite(String sessionId, String user) {
        AnsweredRequest invite = new AnsweredRequest(sessionId);
        limit.open(invite.request(), sessions, user, 0);
        return invite;
    }
}
