package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosParser;

/**
 * After a change of rights, dialogs whose users may no longer be in a room leave it: through the
 * leave use case, with {@code ntc:part} to themselves and to the others; everyone else stays.
 */
class RoomEvictionTest {

    private static final String LOBBY = FakeChat.LOBBY;
    private static final String DESK = "ma-chan://example.com/desk";

    private final FakeChat chat = new FakeChat();
    private final ChatSessions sessions = new ChatSessions();
    private final Joining joining = new Joining(chat, sessions);
    private final XccosParser parser = new XccosParser();
    private final RoomEviction eviction = new RoomEviction(sessions, chat);

    private final ChatSessions.ChatSession alice = sessions.open("s-alice", "alice@example.com");
    private final ChatSessions.ChatSession bob = sessions.open("s-bob", "bob@example.com");

    @Test
    void aUserWhoMayNoLongerBeInARoomLeavesItAndEveryoneSeesThePart() {
        joining.join(alice, "lobby");
        joining.join(alice, "desk");
        joining.join(bob, "lobby");
        chat.calls.clear();
        chat.refusedStays.add("alice@example.com " + LOBBY);

        List<Outgoing> notices = eviction.evictWhereRefused();

        assertThat(alice.rooms()).containsExactly(DESK);
        assertThat(sessions.sessionsIn(LOBBY)).containsExactly(bob);
        assertThat(chat.calls).contains("leave alice@example.com " + LOBBY).doesNotContain("leave alice@example.com " + DESK);
        assertThat(notices).extracting(Outgoing::sessionId).containsExactlyInAnyOrder("s-alice", "s-bob");
        for (Outgoing notice : notices) {
            XccosElement part = parser.parse(notice.xccos()).elements().get(0);
            assertThat(part.id()).isEqualTo("ntc:part");
            assertThat(part.data().child("chanib").attribute("uri")).isEqualTo(LOBBY);
            assertThat(part.data().child("chanib").child("uib").attribute("uri")).isEqualTo("sip:alice@example.com");
        }
    }

    @Test
    void everyDialogOfTheUserLeavesAndEachPairIsDecidedOnce() {
        ChatSessions.ChatSession aliceElsewhere = sessions.open("s-alice-2", "alice@example.com");
        joining.join(alice, "lobby");
        joining.join(aliceElsewhere, "lobby");
        joining.join(bob, "lobby");
        chat.calls.clear();
        chat.refusedStays.add("alice@example.com " + LOBBY);

        List<Outgoing> notices = eviction.evictWhereRefused();

        assertThat(sessions.sessionsIn(LOBBY)).containsExactly(bob);
        assertThat(chat.calls).containsOnlyOnce("mayStayIn alice@example.com " + LOBBY)
                .containsOnlyOnce("leave alice@example.com " + LOBBY);
        assertThat(notices).extracting(Outgoing::sessionId).containsExactlyInAnyOrder("s-alice", "s-alice-2", "s-bob");
    }

    @Test
    void nobodyLeavesWhenEveryoneMayStay() {
        joining.join(alice, "lobby");
        joining.join(bob, "desk");
        chat.calls.clear();

        assertThat(eviction.evictWhereRefused()).isEmpty();
        assertThat(chat.calls).containsExactlyInAnyOrder("mayStayIn alice@example.com " + LOBBY,
                "mayStayIn bob@example.com " + DESK);
        assertThat(alice.rooms()).containsExactly(LOBBY);
    }
}
