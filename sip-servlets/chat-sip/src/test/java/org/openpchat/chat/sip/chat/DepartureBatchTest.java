package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosParser;

/**
 * The rooms of ended dialogs are left together: only where no other dialog of the user is still
 * in the room, once per user and room, and the others in the room get {@code ntc:part}.
 */
class DepartureBatchTest {

    private static final String LOBBY = FakeChat.LOBBY;
    private static final String DESK = "ma-chan://example.com/desk";

    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions();
    private final Joining joining = new Joining(chat, sessions);
    private final XccosParser parser = new XccosParser();

    private final ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
    private final ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");
    private final ChatSessions.ChatSession carol = sessions.open("s-carol", "carol@example.com");

    @Test
    void theRoomsOfEndedDialogsAreLeftTogetherAndTheOthersAreTold() {
        joining.join(alice, "lobby");
        joining.join(alice, "desk");
        joining.join(bob, "lobby");
        joining.join(carol, "lobby");
        chat.calls.clear();
        sessions.close(alice.id());
        sessions.close(bob.id());

        List<Outgoing> notices = DepartureBatch.leave(List.of(departure(alice, LOBBY), departure(alice, DESK),
                departure(bob, LOBBY)), sessions, chat);

        assertThat(chat.calls).containsExactly("leave alice@example.com " + LOBBY, "leave alice@example.com " + DESK,
                "leave bob@example.com " + LOBBY);
        assertThat(notices).extracting(Outgoing::sessionId).containsOnly("s-carol").hasSize(2);
        assertThat(notices).extracting(notice -> userIn(partOf(notice)).attribute("uri"))
                .containsExactlyInAnyOrder("sip:alice@example.com", "sip:bob@example.com");
    }

    @Test
    void aRoomTheUserIsStillInOnAnotherDialogIsNotLeft() {
        aliceOnTwoDialogsAndBobInTheLobby();
        sessions.close(alice.id());

        List<Outgoing> notices = DepartureBatch.leave(List.of(departure(alice, LOBBY)), sessions, chat);

        assertThat(chat.calls).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void twoEndedDialogsOfOneUserLeaveTheRoomOnce() {
        ChatSessions.ChatSession aliceElsewhere = aliceOnTwoDialogsAndBobInTheLobby();
        sessions.close(alice.id());
        sessions.close(aliceElsewhere.id());

        List<Outgoing> notices = DepartureBatch.leave(List.of(departure(alice, LOBBY), departure(aliceElsewhere, LOBBY)),
                sessions, chat);

        assertThat(chat.calls).containsExactly("leave alice@example.com " + LOBBY);
        assertThat(notices).extracting(Outgoing::sessionId).containsExactly("s-bob");
    }

    @Test
    void whenTheUseCasesCannotLeaveTheOthersAreStillTold() {
        joining.join(alice, "lobby");
        joining.join(bob, "lobby");
        chat.refusals.put(LOBBY, new IllegalStateException("database down"));
        sessions.close(alice.id());

        List<Outgoing> notices = DepartureBatch.leave(List.of(departure(alice, LOBBY)), sessions, chat);

        assertThat(notices).extracting(Outgoing::sessionId).containsExactly("s-bob");
        assertThat(userIn(partOf(notices.get(0))).attribute("uri")).isEqualTo("sip:alice@example.com");
    }

    @Test
    void nothingToLeaveAsksNothing() {
        assertThat(DepartureBatch.leave(List.of(), sessions, chat)).isEmpty();
        assertThat(chat.calls).isEmpty();
    }

    /** Returns alice's second dialog. */
    private ChatSessions.ChatSession aliceOnTwoDialogsAndBobInTheLobby() {
        ChatSessions.ChatSession aliceElsewhere = sessions.open("s-alice-2", "alice@example.com");
        joining.join(alice, "lobby");
        joining.join(aliceElsewhere, "lobby");
        joining.join(bob, "lobby");
        chat.calls.clear();
        return aliceElsewhere;
    }

    private static DepartureBatch.Departure departure(ChatSessions.ChatSession session, String roomUri) {
        return new DepartureBatch.Departure(session, roomUri);
    }

    private XccosElement partOf(Outgoing notice) {
        XccosElement part = parser.parse(notice.xccos()).elements().get(0);
        assertThat(part.id()).isEqualTo("ntc:part");
        return part;
    }

    private static org.openpchat.chat.sip.xccos.XmlNode userIn(XccosElement part) {
        return part.data().child("chanib").child("uib");
    }
}
