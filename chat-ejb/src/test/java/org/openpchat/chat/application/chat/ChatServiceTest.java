package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FakeTransactions;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/** Joining, leaving and posting: the rules, what is stored, what compliance and the front ends get. */
class ChatServiceTest {

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final PrincipalId alice = server.user("alice");
    private final PrincipalId bob = server.user("bob");
    private final Category trading = server.category("Trading");
    private final Room lobby = open("Lobby");
    private final Room desk = server.room("Desk", trading);
    private final List<PostedMessage> delivered = new ArrayList<>();
    private final PostListeners listeners = new PostListeners(new FakeTransactions());
    private final ChatService service = server.chatService(listeners);

    ChatServiceTest() {
        desk.modifyMembers(AccessList.adding(alice), server.principals::affiliationsOf);
        listeners.register(delivered::add);
    }

    private Room open(String name) {
        Room room = server.room(name, trading);
        room.changePrivacy(Privacy.OPEN);
        return room;
    }

    private Actor alice() {
        return server.actor(alice);
    }

    private Actor bob() {
        return server.actor(bob);
    }

    @Test
    void joiningAnOpenRoomEntersItAndIsReported() {
        lobby.modifyManagers(AccessList.adding(alice), server.principals::affiliationsOf);

        JoinResult joined = service.join(alice(), "Lobby");

        assertThat(joined).isEqualTo(new JoinResult(lobby, "ma-chan://example.com/" + lobby.uid(), true, true,
                java.util.List.of(alice), java.util.Set.of(alice)));
        assertThat(server.occupancy.occupants(lobby.uid())).containsExactly(alice);
        ComplianceEvent event = server.compliance.only();
        assertThat(event.type()).isEqualTo(ComplianceEventType.JOIN);
        assertThat(event.occurredAt()).isEqualTo(InMemoryChatServer.NOW);
        assertThat(event.room()).isEqualTo(new ComplianceRoom(lobby.uid(), "ma-chan://example.com/" + lobby.uid(),
                "Lobby", "Trading", null));
        assertThat(event.user()).isEqualTo(new ComplianceUser("sip:alice@example.com", "alice@example.com", 0,
                true));
        assertThat(event.messageId()).isZero();
        assertThat(server.compliance.wakeUps()).isEqualTo(1);
    }

    /**
     * On a pool's node a join tells the delivery order what the joiner reads as history: the
     * room's posts up to its last id do not come again; an earlier post still on its way from
     * another node is waited for before a later one.
     */
    @Test
    void inAPoolAJoinTellsTheDeliveryOrderTheRoomsLastPost() {
        listeners.pooled(message -> { }, (room, after, before) -> java.util.List.of());
        service.post(alice(), "Lobby", "one");
        service.post(alice(), "Lobby", "two");
        delivered.clear();

        service.join(bob(), "Lobby");
        listeners.fromPool(new PostedMessage(lobby.uid(), "ma-chan://example.com/" + lobby.uid(), 2, alice,
                InMemoryChatServer.NOW, "two, again"));
        listeners.fromPool(new PostedMessage(lobby.uid(), "ma-chan://example.com/" + lobby.uid(), 3, alice,
                InMemoryChatServer.NOW, "three, from another node"));

        assertThat(delivered).extracting(PostedMessage::messageId).containsExactly(3L);
    }

    @Test
    void aMemberRemovedOrARoomDisabledNoLongerAdmits() {
        assertThat(service.admits(alice(), "Desk")).isTrue();
        assertThat(service.admits(bob(), "Desk")).isFalse();
        assertThat(service.admits(bob(), "Lobby")).isTrue();

        desk.modifyMembers(AccessList.replacing(java.util.List.of(bob)), server.principals::affiliationsOf);
        lobby.disable();

        assertThat(service.admits(alice(), "Desk")).isFalse();
        assertThat(service.admits(bob(), "Desk")).isTrue();
        assertThat(service.admits(bob(), "Lobby")).isFalse();
        assertThat(service.admits(alice(), "No such room")).isFalse();
        assertThat(server.compliance.events()).as("asking records nothing").isEmpty();
    }

    @Test
    void whoMayNotJoinIsNotLetIn() {
        assertThatThrownBy(() -> service.join(bob(), "Desk")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        desk.disable();
        assertThatThrownBy(() -> service.join(alice(), "Desk")).hasFieldOrPropertyWithValue("reason",
                Reason.DISABLED);

        assertThat(server.occupancy.count(desk.uid())).isZero();
        assertThat(server.compliance.events()).isEmpty();
    }

    @Test
    void aJoinNamesWhoOfTheOccupantsManageTheRoom() {
        PrincipalId carol = server.user("carol");
        lobby.modifyManagers(AccessList.adding(carol), server.principals::affiliationsOf);
        service.join(alice(), "Lobby");
        service.join(server.actor(carol), "Lobby");

        JoinResult joined = service.join(bob(), "Lobby");

        assertThat(joined.occupants()).containsExactlyInAnyOrder(alice, bob, carol);
        assertThat(joined.managers()).containsExactly(carol);
        assertThat(joined.manager()).isFalse();
    }

    @Test
    void inAnAuditoriumOnlyPresentersMayPost() {
        Room stage = open("Stage");
        stage.changeType(RoomType.AUDITORIUM);
        stage.modifyPresenters(AccessList.adding(alice), server.principals::affiliationsOf);

        JoinResult audience = service.join(bob(), "Stage");
        assertThat(audience.mayPost()).isFalse();
        assertThat(audience.manager()).isFalse();
        assertThat(service.join(alice(), "Stage").mayPost()).isTrue();
        assertThat(service.join(bob(), "Stage").occupants()).containsExactlyInAnyOrder(alice, bob);

        assertThatThrownBy(() -> service.post(bob(), "Stage", "hello"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only presenters may post in auditorium 'Stage'");
        assertThat(server.messages.in(stage)).isEmpty();
        assertThat(service.post(alice(), "Stage", "welcome").id()).isEqualTo(1);
    }

    @Test
    void leavingManyAtOnceReportsEachThatWasInAndSkipsRoomsThatAreGone() {
        service.join(alice(), "Lobby");
        service.join(alice(), "Desk");
        service.join(bob(), "Lobby");
        Departure aliceFromLobby = new Departure(alice(), "Lobby");
        Departure bobFromLobby = new Departure(bob(), "ma-chan://example.com/" + lobby.uid());
        Departure aliceFromNowhere = new Departure(alice(), "no such room");
        Departure bobFromDesk = new Departure(bob(), "Desk");

        List<Departure> left = service.leaveAll(List.of(aliceFromLobby, aliceFromNowhere, bobFromLobby, bobFromDesk));

        assertThat(left).containsExactly(aliceFromLobby, bobFromLobby);
        assertThat(server.occupancy.count(lobby.uid())).isZero();
        assertThat(server.occupancy.occupants(desk.uid())).containsExactly(alice);
        assertThat(server.compliance.events()).extracting(ComplianceEvent::type).containsExactly(
                ComplianceEventType.JOIN, ComplianceEventType.JOIN, ComplianceEventType.JOIN,
                ComplianceEventType.PART, ComplianceEventType.PART);
        assertThat(server.compliance.last().user().uri()).isEqualTo("sip:bob@example.com");
    }

    @Test
    void leavingIsReportedOnlyForWhoWasIn() {
        service.join(alice(), "Lobby");

        assertThat(service.leave(alice(), "Lobby")).isTrue();
        assertThat(server.compliance.last().type()).isEqualTo(ComplianceEventType.PART);
        assertThat(server.occupancy.count(lobby.uid())).isZero();

        assertThat(service.leave(alice(), "Lobby")).isFalse();
        assertThat(server.compliance.events()).hasSize(2);
    }

    @Test
    void aPostIsStoredUnderTheRoomsNextIdReportedAndDelivered() {
        RoomMessage first = service.post(alice(), "Lobby", "hello");
        RoomMessage second = service.post(bob(), lobby.uri("example.com").toString(), "hi");

        assertThat(first).isEqualTo(new RoomMessage("Lobby", 1, "sip:alice@example.com", InMemoryChatServer.NOW,
                "hello"));
        assertThat(second.id()).isEqualTo(2);
        assertThat(server.messages.in(lobby)).extracting(m -> m.content()).containsExactly("hello", "hi");
        ComplianceEvent chat = server.compliance.events().get(0);
        assertThat(chat.type()).isEqualTo(ComplianceEventType.CHAT);
        assertThat(chat.messageId()).isEqualTo(1);
        assertThat(chat.content()).isEqualTo("hello");
        assertThat(delivered).containsExactly(
                new PostedMessage(lobby.uid(), "ma-chan://example.com/" + lobby.uid(), 1, alice,
                        InMemoryChatServer.NOW, "hello"),
                new PostedMessage(lobby.uid(), "ma-chan://example.com/" + lobby.uid(), 2, bob,
                        InMemoryChatServer.NOW, "hi"));
    }

    @Test
    void aCategoryWithoutHistoryKeepsNoPostButReportsAndDeliversIt() {
        trading.enableChatHistory(false);

        RoomMessage posted = service.post(alice(), "Lobby", "hello");

        assertThat(posted.id()).isEqualTo(1);
        assertThat(server.messages.in(lobby)).isEmpty();
        assertThat(server.compliance.only().content()).isEqualTo("hello");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void whoMayNotPostOrWhatIsNoMessageIsRefused() {
        assertThatThrownBy(() -> service.post(bob(), "Desk", "hello"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.post(alice(), "Desk", ""))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThatThrownBy(() -> service.post(alice(), "Desk", "x".repeat(8001)))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);

        assertThat(server.messages.nextMessageId(desk)).as("no id was used").isEqualTo(1);
        assertThat(server.compliance.events()).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void postingTimesAreKeptToTheMicrosecond() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00.123456789Z"), ZoneOffset.UTC);
        ChatService precise = new ChatService(server.lookup, server.messages, server.occupancy, server.capture,
                listeners, server.directory(), clock);

        RoomMessage posted = precise.post(alice(), "Lobby", "hello");

        assertThat(posted.postedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00.123456Z"));
        assertThat(server.messages.in(lobby).get(0).postedAt()).isEqualTo(posted.postedAt());
    }

    @Test
    void complianceNamesTheUserAsTheDirectoryKnowsThem() {
        server.principals.find(alice).orElseThrow().rename("Alice");
        PrincipalId guest = server.principals.user("guest@partner.org").principalId();
        lobby.category().modifyAllowedMembers(AccessList.adding(guest));

        service.post(alice(), "Lobby", "hello");
        service.post(server.actor(guest), "Lobby", "hi");
        PrincipalId ghost = PrincipalId.user("ghost@example.com");
        service.post(Actor.user(ghost, new org.openpchat.chat.domain.principal.Affiliations(
                List.of(ghost, PrincipalId.domain("example.com")))), "Lobby", "boo");

        assertThat(server.compliance.events()).extracting(ComplianceEvent::user).containsExactly(
                new ComplianceUser("sip:alice@example.com", "Alice", 0, true),
                new ComplianceUser("sip:guest@partner.org", "guest@partner.org", 0, false),
                new ComplianceUser("sip:ghost@example.com", null, 0, true));
    }
}
