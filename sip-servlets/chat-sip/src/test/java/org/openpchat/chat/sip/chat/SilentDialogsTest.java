package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosParser;

/**
 * The idle-dialog reaper's rule on a clock the test moves: a dialog silent for longer than two
 * session-timer periods (1200 s) leaves its rooms through the leave use case (which records the
 * PART for compliance in the server) and the others are told; a dialog heard meanwhile stays.
 */
class SilentDialogsTest {

    private static final String LOBBY = FakeChat.LOBBY;
    private static final String DESK = "ma-chan://example.com/desk";
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions(clock);
    private final XccosParser parser = new XccosParser();
    private final Joining joining = new Joining(chat, sessions);
    private final SilentDialogs silent = new SilentDialogs(sessions, chat, clock);

    private final ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
    private final ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");

    @Test
    void aDialogSilentForTwoSessionTimerPeriodsLeavesItsRoomsAndTheOthersSeeThePart() {
        join(alice, "lobby");
        join(alice, "desk");
        join(bob, "lobby");
        chat.calls.clear();

        clock.set(T0.plus(Duration.ofSeconds(600)));
        sessions.find("s-bob"); // bob's client refreshes the session (UPDATE) or sends a command
        clock.set(T0.plus(Duration.ofSeconds(1200)));
        assertThat(silent.end().sessionIds()).as("silent for exactly 1200 s is not yet too long").isEmpty();

        clock.set(T0.plus(Duration.ofSeconds(1201)));
        EndedDialogs ended = silent.end();

        assertThat(ended.sessionIds()).containsExactly("s-alice");
        assertThat(chat.calls).containsExactlyInAnyOrder("leave alice@example.com " + LOBBY,
                "leave alice@example.com " + DESK);
        assertThat(ended.notices()).extracting(Outgoing::sessionId).containsExactly("s-bob");
        XccosElement part = parser.parse(ended.notices().get(0).xccos()).elements().get(0);
        assertThat(part.id()).isEqualTo("ntc:part");
        assertThat(part.data().child("chanib").attribute("uri")).isEqualTo(LOBBY);
        assertThat(part.data().child("chanib").child("uib").attribute("uri")).isEqualTo("sip:alice@example.com");

        assertThat(sessions.find("s-alice")).isNull();
        assertThat(sessions.find("s-bob")).isSameAs(bob);
        assertThat(sessions.sessionsIn(LOBBY)).containsExactly(bob);
        assertThat(sessions.sessionsIn(DESK)).isEmpty();
        assertThat(chat.occupants.get(LOBBY)).containsExactly("bob@example.com");
    }

    @Test
    void aDialogHeardWithinTheLimitSurvivesAndNothingIsSent() {
        join(alice, "lobby");
        join(bob, "lobby");
        chat.calls.clear();

        clock.set(T0.plus(Duration.ofSeconds(1100)));
        sessions.find("s-alice");
        sessions.find("s-bob");
        clock.set(T0.plus(Duration.ofSeconds(2200)));
        EndedDialogs ended = silent.end();

        assertThat(ended.sessionIds()).isEmpty();
        assertThat(ended.notices()).isEmpty();
        assertThat(chat.calls).isEmpty();
        assertThat(sessions.sessionsIn(LOBBY)).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void twoSilentDialogsInOneRoomEndWithoutNoticesToEachOther() {
        ChatSessions.ChatSession carol = sessions.open("s-carol", "carol@example.com");
        join(alice, "lobby");
        join(carol, "lobby");
        join(bob, "lobby");
        chat.calls.clear();

        clock.set(T0.plus(Duration.ofSeconds(1000)));
        sessions.find("s-bob");
        clock.set(T0.plus(Duration.ofSeconds(1300)));
        EndedDialogs ended = silent.end();

        assertThat(ended.sessionIds()).containsExactlyInAnyOrder("s-alice", "s-carol");
        assertThat(ended.notices()).extracting(Outgoing::sessionId).containsOnly("s-bob").hasSize(2);
        assertThat(chat.calls).containsExactlyInAnyOrder("leave alice@example.com " + LOBBY,
                "leave carol@example.com " + LOBBY);
    }

    @Test
    void aSecondDialogOfTheSameUserKeepsTheUserInTheRoom() {
        ChatSessions.ChatSession aliceElsewhere = sessions.open("s-alice-2", "alice@example.com");
        join(alice, "lobby");
        join(aliceElsewhere, "lobby");
        join(bob, "lobby");
        chat.calls.clear();

        clock.set(T0.plus(Duration.ofSeconds(1000)));
        sessions.find("s-alice-2");
        sessions.find("s-bob");
        clock.set(T0.plus(Duration.ofSeconds(1300)));
        EndedDialogs ended = silent.end();

        assertThat(ended.sessionIds()).containsExactly("s-alice");
        assertThat(ended.notices()).as("alice is still in the room").isEmpty();
        assertThat(chat.calls).isEmpty();
        assertThat(sessions.sessionsIn(LOBBY)).containsExactlyInAnyOrder(aliceElsewhere, bob);
    }

    private void join(ChatSessions.ChatSession session, String roomId) {
        joining.join(session, roomId);
    }
}
