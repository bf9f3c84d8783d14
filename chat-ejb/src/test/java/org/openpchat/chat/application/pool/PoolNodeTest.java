package org.openpchat.chat.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FakeTransactions;
import org.openpchat.chat.application.FiredEvents;
import org.openpchat.chat.application.access.AccessChanged;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.application.chat.PostListeners;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.chat.RoomPresence;
import org.openpchat.chat.application.directory.CredentialsChanged;
import org.openpchat.chat.application.health.SignedInConnections;
import org.openpchat.chat.domain.principal.PrincipalId;

/** A node passes its posts to the pool, takes the others' and keeps track of who is alive. */
class PoolNodeTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final NodeId OTHER = new NodeId("node2", "start-of-node2");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final PostListeners posts = new PostListeners(new FakeTransactions());
    private final RoomOccupancy occupancy = new RoomOccupancy();
    private final SignedInConnections connections = new SignedInConnections();
    private final List<PoolMessage> sent = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final FiredEvents<AccessChanged> accessChanges = new FiredEvents<>();
    private final FiredEvents<CredentialsChanged> credentialChanges = new FiredEvents<>();
    private final List<String> roster = new ArrayList<>();
    private final List<Consumer<PoolMessage>> receivers = new ArrayList<>();
    private final PoolNode node = new PoolNode(posts, occupancy, connections, (room, after, before) -> List.of(),
            new PoolBus() {
                @Override
                public void publish(PoolMessage message) {
                    sent.add(message);
                }

                @Override
                public void subscribe(Consumer<PoolMessage> receiver) {
                    receivers.add(receiver);
                }
            }, accessChanges, credentialChanges, clock);

    PoolNodeTest() {
        posts.register(message -> delivered.add(message.roomUid() + " " + message.messageId()));
        node.listen(new RoomPresence() {
            @Override
            public void entered(String roomUid, PrincipalId user, boolean manager) {
                roster.add("join " + roomUid + " " + user + (manager ? " manager" : ""));
            }

            @Override
            public void left(String roomUid, PrincipalId user) {
                roster.add("part " + roomUid + " " + user);
            }
        });
    }

    private NodeId self() {
        return node.self().orElseThrow();
    }

    private static PostedMessage post(long id) {
        return new PostedMessage("lobby", "ma-chan://example.com/lobby", id, ALICE, Instant.EPOCH, "hello " + id);
    }

    @Test
    void withoutANameTheServerIsNoNodeAndSendsAndTakesNothing() {
        node.joinAs(" ");

        posts.afterCommit(post(1));
        node.receive(new PoolMessage.Posted(OTHER, post(2)));
        node.everySecond();

        assertThat(node.self()).isEmpty();
        assertThat(node.nodes()).isEmpty();
        assertThat(receivers).as("not subscribed").isEmpty();
        assertThat(sent).isEmpty();
        assertThat(delivered).containsExactly("lobby 1");
    }

    @Test
    void aNodePassesItsCommittedPostsToThePoolUnderItsName() {
        node.joinAs("node1");

        posts.afterCommit(post(1));

        NodeId self = node.self().orElseThrow();
        assertThat(self.name()).isEqualTo("node1");
        assertThat(sent).containsExactly(new PoolMessage.Hello(self), new PoolMessage.Posted(self, post(1)));
        assertThat(delivered).containsExactly("lobby 1");
    }

    @Test
    void anotherNodesPostIsDeliveredHereAndItsOwnThatComesBackIsNot() {
        node.joinAs("node1");
        NodeId self = node.self().orElseThrow();
        assertThat(receivers).hasSize(1);

        receivers.get(0).accept(new PoolMessage.Posted(OTHER, post(4)));
        receivers.get(0).accept(new PoolMessage.Posted(self, post(5)));

        assertThat(delivered).containsExactly("lobby 4");
    }

    @Test
    void aRestartedNodeOfTheSameNameIsAnotherNode() {
        node.joinAs("node1");

        node.receive(new PoolMessage.Posted(new NodeId("node1", "an earlier start"), post(4)));

        assertThat(delivered).containsExactly("lobby 4");
    }

    @Test
    void everySecondTheNodeSaysItIsAliveWithItsFigures() {
        node.joinAs("node1");
        connections.report(3);

        occupancy.enter("lobby", ALICE, false);
        sent.clear();

        node.everySecond();

        assertThat(sent).containsExactly(new PoolMessage.Beat(node.self().orElseThrow(), clock.instant(), 3, 1));
    }

    @Test
    void theNodesAreThisOneAndTheOthersHeardFromWhichStopRespondingWhenSilent() {
        node.joinAs("node1");
        connections.report(2);
        node.receive(new PoolMessage.Beat(OTHER, Instant.EPOCH, 5, 4));

        assertThat(node.nodes()).containsExactly(
                new NodeView("node1", node.self().orElseThrow().start(), clock.instant(), true, 2, 0),
                new NodeView("node2", OTHER.start(), clock.instant(), true, 5, 4));

        Instant heard = clock.instant();
        clock.advance(PoolNode.SILENCE_LIMIT.plus(Duration.ofMillis(1)));
        assertThat(node.nodes()).element(1).isEqualTo(new NodeView("node2", OTHER.start(), heard, false, 5, 4));
    }

    @Test
    void aBusThatFailsDoesNotStopTheBeatOfTheNextSecond() {
        List<String> attempts = new ArrayList<>();
        PoolNode flaky = new PoolNode(posts, occupancy, connections, (room, after, before) -> List.of(), new PoolBus() {
            @Override
            public void publish(PoolMessage message) {
                attempts.add(message.getClass().getSimpleName());
                throw new IllegalStateException("broker down");
            }

            @Override
            public void subscribe(Consumer<PoolMessage> receiver) {
            }
        }, accessChanges, credentialChanges, clock);
        flaky.joinAs("node1");

        flaky.everySecond();
        flaky.everySecond();

        assertThat(attempts).containsExactly("Hello", "Beat", "Beat");
    }

    @Test
    void thisNodesPeopleComingAndGoingAreToldToThePool() {
        node.joinAs("node1");
        sent.clear();

        occupancy.enter("lobby", ALICE, true);
        occupancy.leave("lobby", ALICE);

        assertThat(sent).containsExactly(new PoolMessage.Entered(self(), "lobby", ALICE, true),
                new PoolMessage.Left(self(), "lobby", ALICE));
    }

    @Test
    void anotherNodesPeopleComingAndGoingReachTheRostersWhenNewToTheRoom() {
        node.joinAs("node1");
        occupancy.enter("lobby", BOB, false);

        node.receive(new PoolMessage.Entered(OTHER, "lobby", ALICE, true));
        node.receive(new PoolMessage.Entered(OTHER, "lobby", BOB, false));
        node.receive(new PoolMessage.Left(OTHER, "lobby", BOB));
        node.receive(new PoolMessage.Left(OTHER, "lobby", ALICE));

        assertThat(roster).containsExactly("join lobby sip:alice@example.com manager", "part lobby sip:alice@example.com");
        assertThat(occupancy.occupants("lobby")).containsExactly(BOB);
    }

    @Test
    void aHelloIsAnsweredWithThisNodesPeopleRoomByRoomInMessagesOfBoundedSize() {
        node.joinAs("node1");
        for (int i = 0; i < PoolNode.OCCUPANTS_PER_MESSAGE + 1; i++) {
            occupancy.enter("lobby", PrincipalId.user("user" + i + "@example.com"), false);
        }
        occupancy.enter("desk", ALICE, false);
        sent.clear();

        node.receive(new PoolMessage.Hello(OTHER));

        assertThat(sent).allMatch(message -> message instanceof PoolMessage.Occupants).hasSize(3);
        assertThat(sent.stream().map(message -> (PoolMessage.Occupants) message)
                .filter(occupants -> occupants.roomUid().equals("lobby")).mapToInt(occupants -> occupants.users().size()))
                .containsExactlyInAnyOrder(PoolNode.OCCUPANTS_PER_MESSAGE, 1);
    }

    @Test
    void anotherNodesPeopleToldInAnswerToAHelloJoinTheRoomsQuietly() {
        node.joinAs("node1");

        node.receive(new PoolMessage.Occupants(OTHER, "lobby", List.of(ALICE, BOB)));

        assertThat(occupancy.occupants("lobby")).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(roster).isEmpty();
    }

    @Test
    void aNewNodeIsGreetedAndANodeSilentTooLongLeavesItsRoomsUntilItIsBack() {
        node.joinAs("node1");
        sent.clear();
        node.receive(new PoolMessage.Beat(OTHER, Instant.EPOCH, 1, 1));
        node.receive(new PoolMessage.Beat(OTHER, Instant.EPOCH, 1, 1));
        assertThat(sent).as("greeted once").containsExactly(new PoolMessage.Hello(self()));
        node.receive(new PoolMessage.Entered(OTHER, "lobby", ALICE, false));
        roster.clear();

        clock.advance(PoolNode.SILENCE_LIMIT.plusSeconds(1));
        node.everySecond();
        node.everySecond();

        assertThat(roster).containsExactly("part lobby sip:alice@example.com");
        assertThat(occupancy.occupants("lobby")).isEmpty();
        sent.clear();
        node.receive(new PoolMessage.Beat(OTHER, Instant.EPOCH, 1, 1));
        assertThat(sent).as("back: greeted again, to learn its people anew").containsExactly(new PoolMessage.Hello(self()));
    }

    @Test
    void aNodeThatRestartedLeavesThePeopleOfItsEarlierStart() {
        node.joinAs("node1");
        node.receive(new PoolMessage.Beat(OTHER, Instant.EPOCH, 1, 1));
        node.receive(new PoolMessage.Entered(OTHER, "lobby", ALICE, false));

        node.receive(new PoolMessage.Beat(new NodeId(OTHER.name(), "its next start"), Instant.EPOCH, 0, 0));

        assertThat(roster).containsExactly("join lobby sip:alice@example.com", "part lobby sip:alice@example.com");
        assertThat(occupancy.occupants("lobby")).isEmpty();
    }

    @Test
    void changesOfRightsGoBothWaysAndThoseFromThePoolAreNotPassedOnAgain() {
        node.joinAs("node1");
        sent.clear();

        node.shareAccessChange(new AccessChanged("Set-CsPersistentChatRoom"));
        node.shareCredentialChange(new CredentialsChanged(ALICE));
        node.receive(new PoolMessage.AccessChange(OTHER, "Remove-User"));
        node.receive(new PoolMessage.CredentialChange(OTHER, BOB));

        assertThat(sent).containsExactly(new PoolMessage.AccessChange(self(), "Set-CsPersistentChatRoom"),
                new PoolMessage.CredentialChange(self(), ALICE));
        assertThat(accessChanges.fired()).containsExactly(new AccessChanged("Remove-User"));
        assertThat(credentialChanges.fired()).containsExactly(new CredentialsChanged(BOB));
    }

    @Test
    void aServerOfItsOwnSharesNoChangeOfRights() {
        node.joinAs(null);

        node.shareAccessChange(new AccessChanged("Set-CsPersistentChatRoom"));
        node.shareCredentialChange(new CredentialsChanged(ALICE));
        node.receive(new PoolMessage.AccessChange(OTHER, "Remove-User"));

        assertThat(sent).isEmpty();
        assertThat(accessChanges.fired()).isEmpty();
    }
}
