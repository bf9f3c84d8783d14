package org.openpchat.chat.application.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FakeTransactions;
import org.openpchat.chat.application.FiredEvents;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.application.RecordingLocks;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.audit.RecordingAuditLog;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.application.chat.PostListeners;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.health.SignedInConnections;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.pool.InMemoryPoolSettings;
import org.openpchat.chat.domain.pool.PoolState;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

/** Get-/Set-CsPersistentChatState and Set-CsPersistentChatActiveServer over in-memory parts. */
class PoolAdministrationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Actor ADMIN = Actor.system("test");
    private static final Actor ALICE = Actor.user(PrincipalId.user("alice@example.com"), null);

    private final MovableClock clock = new MovableClock(NOW);
    private final SignedInConnections connections = new SignedInConnections();
    private final RoomOccupancy occupancy = new RoomOccupancy();
    private final PoolNode node = new PoolNode(new PostListeners(new FakeTransactions()), occupancy, connections,
            (room, after, before) -> List.of(), new SilentBus(), new FiredEvents<>(), new FiredEvents<>(), clock);
    private final InMemoryPoolSettings repository = InMemoryPoolSettings.seeded();
    private final RecordingAuditLog auditLog = new RecordingAuditLog();
    private final RecordingLocks locks = new RecordingLocks();
    private final PoolServing serving = new PoolServing(repository, clock);
    private final PoolAdministration pool = new PoolAdministration(repository, node, serving, locks, new Audit(auditLog));

    @Test
    void aServerInNoPoolIsNormalWithNoNodes() {
        PoolStateView state = pool.state(ADMIN);

        assertThat(state).isEqualTo(new PoolStateView("Normal", List.of(), false, List.of()));
        assertThat(auditLog.entries()).isEmpty();
        assertThat(locks.locked()).as("a read locks nothing").isEmpty();
    }

    @Test
    void theNodesAreListedThisOneFirstEachActiveOrIdle() {
        node.joinAs("node1");
        connections.report(4);
        heardFrom("node2", 7, 3);
        clock.advance(Duration.ofSeconds(2));
        heardFrom("node3", 1, 0);
        pool.setActiveServers(ADMIN, List.of("node1", "NODE3"));

        PoolStateView state = pool.state(ADMIN);

        assertThat(state.pooled()).isTrue();
        assertThat(state.activeServers()).containsExactly("node1", "NODE3");
        assertThat(state.nodes()).containsExactly(
                new PoolNodeView("node1", true, true, true, 4, 0, NOW.plusSeconds(2)),
                new PoolNodeView("node2", false, true, false, 7, 3, NOW),
                new PoolNodeView("node3", false, true, true, 1, 0, NOW.plusSeconds(2)));
    }

    @Test
    void aSilentNodeIsShownNotResponding() {
        node.joinAs("node1");
        heardFrom("node2", 7, 3);
        clock.advance(Duration.ofSeconds(4));

        assertThat(pool.state(ADMIN).nodes()).extracting(PoolNodeView::name, PoolNodeView::responding,
                PoolNodeView::active).containsExactly(tuple("node1", true, true),
                tuple("node2", false, true));
    }

    @Test
    void failedOverEveryNodeIsIdleAndTheChangeIsAuditedWithTheSettingsBeforeAndAfter() {
        node.joinAs("node1");
        heardFrom("node2", 0, 0);

        PoolStateView state = pool.setState(ADMIN, PoolState.FAILED_OVER);

        assertThat(state.state()).isEqualTo("FailedOver");
        assertThat(state.nodes()).extracting(PoolNodeView::active).containsExactly(false, false);
        assertThat(repository.stored().state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(auditLog.only()).isEqualTo(new Recorded("system:test", "Set-CsPersistentChatState", "pool",
                new PoolSettingsView("Normal", List.of()), new PoolSettingsView("FailedOver", List.of())));
        assertThat(locks.locked()).containsExactly(repository.stored());
        assertThat(pool.state(ADMIN).state()).isEqualTo("FailedOver");
    }

    @Test
    void settingTheActiveServersIsAuditedUnderItsCmdlet() {
        pool.setActiveServers(ADMIN, List.of("node2", "node1"));
        PoolStateView state = pool.setActiveServers(ADMIN, List.of());

        assertThat(state.activeServers()).isEmpty();
        assertThat(auditLog.entries()).containsExactly(
                new Recorded("system:test", "Set-CsPersistentChatActiveServer", "pool",
                        new PoolSettingsView("Normal", List.of()),
                        new PoolSettingsView("Normal", List.of("node1", "node2"))),
                new Recorded("system:test", "Set-CsPersistentChatActiveServer", "pool",
                        new PoolSettingsView("Normal", List.of("node1", "node2")),
                        new PoolSettingsView("Normal", List.of())));
    }

    @Test
    void bothChangesInOneAreAuditedEachUnderItsCmdlet() {
        PoolStateView state = pool.change(ADMIN, new PoolChange(PoolState.FAILED_OVER,
                new PoolChange.ActiveServers(List.of("node1", "node2"), null, null)), null);

        assertThat(state.settings()).isEqualTo(new PoolSettingsView("FailedOver", List.of("node1", "node2")));
        assertThat(auditLog.entries()).extracting(Recorded::action, Recorded::before, Recorded::after).containsExactly(
                tuple("Set-CsPersistentChatActiveServer",
                        new PoolSettingsView("Normal", List.of()),
                        new PoolSettingsView("Normal", List.of("node1", "node2"))),
                tuple("Set-CsPersistentChatState",
                        new PoolSettingsView("Normal", List.of("node1", "node2")),
                        new PoolSettingsView("FailedOver", List.of("node1", "node2"))));
    }

    @Test
    void serversAreAddedAndRemovedByName() {
        pool.setActiveServers(ADMIN, List.of("node1", "node2"));

        PoolStateView state = pool.change(ADMIN, new PoolChange(null,
                new PoolChange.ActiveServers(List.of("node3"), List.of("node1"), null)), null);

        assertThat(state.activeServers()).containsExactly("node2", "node3");
        assertThat(state.state()).isEqualTo("Normal");
        assertThat(auditLog.entries()).hasSize(2).extracting(Recorded::action)
                .containsOnly("Set-CsPersistentChatActiveServer");
    }

    @Test
    void anEmptyChangeChangesAndAuditsNothing() {
        PoolStateView state = pool.change(ADMIN, new PoolChange(null, null), null);

        assertThat(state.settings()).isEqualTo(new PoolSettingsView("Normal", List.of()));
        assertThat(auditLog.entries()).isEmpty();
    }

    @Test
    void aChangeOfSettingsReadSinceIsRefused() {
        String seen = ItemTags.of(pool.state(ADMIN).settings());
        pool.setState(ADMIN, PoolState.FAILED_OVER);

        assertThatThrownBy(() -> pool.change(ADMIN, PoolChange.state(PoolState.NORMAL), seen))
                .isInstanceOf(StaleItemException.class)
                .hasMessage("the pool was changed since you read it; read it again and retry");
        assertThat(repository.stored().state()).isEqualTo(PoolState.FAILED_OVER);

        String current = ItemTags.of(pool.state(ADMIN).settings());
        assertThat(pool.change(ADMIN, PoolChange.state(PoolState.NORMAL), current).state()).isEqualTo("Normal");
    }

    @Test
    void theTagIsThatOfTheSettingsNotOfTheNodesFigures() {
        node.joinAs("node1");
        String before = ItemTags.of(pool.state(ADMIN).settings());
        connections.report(9);
        clock.advance(Duration.ofSeconds(1));

        assertThat(ItemTags.of(pool.state(ADMIN).settings())).isEqualTo(before);
    }

    @Test
    void badNamesAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> pool.setActiveServers(ADMIN, List.of("node1", "node 2")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID))
                .hasMessageContaining("node 2");
        assertThatThrownBy(() -> pool.setActiveServers(ADMIN, null)).isInstanceOf(DomainException.class)
                .hasMessage("give the active servers, or none to make every node active");

        assertThat(repository.stored().activeServers()).isEmpty();
        assertThat(auditLog.entries()).isEmpty();
    }

    @Test
    void replaceCannotBeCombinedWithAddOrRemove() {
        assertThatThrownBy(() -> new PoolChange.ActiveServers(List.of("a"), null, List.of("b")))
                .isInstanceOf(DomainException.class).hasMessage("Replace cannot be combined with Add or Remove");
        assertThatThrownBy(() -> new PoolChange.ActiveServers(null, List.of("a"), List.of()))
                .isInstanceOf(DomainException.class);
        assertThat(new PoolChange.ActiveServers(null, null, null).add()).isEmpty();
    }

    @Test
    void onlyAdministratorsSeeOrChangeThePool() {
        for (Runnable call : List.<Runnable>of(() -> pool.state(ALICE), () -> pool.setState(ALICE, PoolState.NORMAL),
                () -> pool.setActiveServers(ALICE, List.of()),
                () -> pool.change(ALICE, new PoolChange(null, null), null))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN))
                    .hasMessage("only Persistent Chat administrators manage the pool");
        }
        assertThat(repository.stored().state()).isEqualTo(PoolState.NORMAL);
        assertThat(auditLog.entries()).isEmpty();
    }

    @Test
    void withoutTheRowTheDefaultsAreShownAndTheFirstChangeStoresIt() {
        InMemoryPoolSettings empty = new InMemoryPoolSettings();
        PoolAdministration fresh = new PoolAdministration(empty, node, new PoolServing(empty, clock), locks,
                new Audit(auditLog));

        assertThat(fresh.state(ADMIN).settings()).isEqualTo(new PoolSettingsView("Normal", List.of()));
        assertThat(empty.stored()).isNull();

        fresh.setState(ADMIN, PoolState.FAILED_OVER);

        assertThat(empty.stored().state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(auditLog.only().before()).isEqualTo(new PoolSettingsView("Normal", List.of()));
        assertThat(fresh.serves("node1")).isFalse();
    }

    @Test
    void servesFollowsAChangeMadeHereAtOnce() {
        assertThat(pool.serves("node1")).isTrue();

        pool.setActiveServers(ADMIN, List.of("node2"));
        assertThat(pool.serves("node1")).isFalse();
        assertThat(pool.serves("node2")).isTrue();

        pool.setState(ADMIN, PoolState.FAILED_OVER);
        assertThat(pool.serves("node2")).isFalse();
        assertThat(pool.serves(null)).isFalse();
    }

    @Test
    void aChangeStoredElsewhereIsServedWithinASecond() {
        assertThat(pool.serves("node1")).isTrue();
        repository.stored().changeState(PoolState.FAILED_OVER); // another node's change

        assertThat(pool.serves("node1")).as("the copy read a moment ago").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pool.serves("node1")).isFalse();
    }

    /** A bus that carries nothing: the other nodes' beats are handed to the node directly. */
    private static final class SilentBus implements PoolBus {
        @Override
        public void publish(PoolMessage message) {
        }

        @Override
        public void subscribe(Consumer<PoolMessage> receiver) {
        }
    }

    private void heardFrom(String name, int signedIn, int inRooms) {
        node.receive(new PoolMessage.Beat(new NodeId(name, "start-of-" + name), clock.instant(), signedIn, inRooms));
    }
}
