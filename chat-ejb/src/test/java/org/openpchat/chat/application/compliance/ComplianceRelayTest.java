package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.FakeTransactions;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

/**
 * The relay singleton around {@link ComplianceOutboxRelay}: what a run sends, that a failing run
 * keeps the events and the next one sends them, the backlog, and the test hook that fails once.
 */
class ComplianceRelayTest {

    private final Outbox outbox = new Outbox();
    private final List<ComplianceEvent> sent = new ArrayList<>();
    private boolean brokerDown;
    private final FakeTransactions registry = new FakeTransactions();
    private final ComplianceRelay relay = new ComplianceRelay(outbox, () -> { }, event -> {
        if (brokerDown) {
            throw new IllegalStateException("broker down");
        }
        sent.add(event);
    }, new ComplianceRelayTransactions(), registry);

    @AfterEach
    void clearHook() {
        System.clearProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY);
    }

    private static ComplianceEvent chat(int seed, org.openpchat.chat.domain.compliance.ComplianceRoom room) {
        return event(seed, ComplianceEventType.CHAT, room, ALICE, seed, "m" + seed);
    }

    @Test
    void aTickSendsTheOutboxAndABacklogRemainsOnlyAfterFailures() {
        outbox.add(chat(1, LOBBY));
        outbox.add(chat(2, LOBBY));
        assertThat(relay.backlog()).isEqualTo(2);

        relay.tick();

        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L, 2L);
        assertThat(relay.backlog()).isZero();
    }

    @Test
    void theOldestWaitingEventSaysWhenItHappened() {
        assertThat(relay.oldestWaiting()).isEmpty();
        ComplianceEvent first = chat(1, LOBBY);
        outbox.add(first);
        outbox.add(chat(2, LOBBY));

        assertThat(relay.oldestWaiting()).contains(first.occurredAt());
    }

    @Test
    void relayingNowWithoutARequestSendsNothing() {
        outbox.add(chat(1, LOBBY));

        assertThat(relay.relayNow()).as("nothing asked for a run").isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedRunKeepsTheEventsAndTheNextTickSendsThem() {
        outbox.add(chat(1, LOBBY));
        brokerDown = true;

        relay.tick();
        relay.tick();
        assertThat(relay.backlog()).isEqualTo(1);

        brokerDown = false;
        relay.tick();
        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L);
        assertThat(relay.backlog()).isZero();
    }

    @Test
    void theTestHookFailsOnceAfterSendingTheNamedRoomsBatch() {
        System.setProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY, DESK.uid());
        outbox.add(chat(1, LOBBY));
        relay.tick();
        assertThat(System.getProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY)).as("not this room's batch")
                .isEqualTo(DESK.uid());
        outbox.add(chat(2, DESK));

        relay.tick();
        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L, 2L);
        assertThat(relay.backlog()).as("failed before removing").isEqualTo(1);
        assertThat(System.getProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY)).isNull();

        relay.tick();
        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L, 2L, 2L);
        assertThat(relay.backlog()).isZero();
    }

    @Test
    void aCommitThatAskedIsRelayedByTheNextRoundAndARolledBackOneIsNot() {
        registry.begin();
        outbox.add(chat(1, LOBBY));
        relay.wakeAfterCommit();
        relay.wakeAfterCommit();
        assertThat(registry.registered()).as("one synchronization per transaction").hasSize(1);
        relay.gather();
        assertThat(sent).as("nothing before the commit").isEmpty();

        registry.end(Status.STATUS_COMMITTED);
        relay.gather();
        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L);

        registry.begin();
        outbox.add(chat(2, LOBBY));
        relay.wakeAfterCommit();
        registry.end(Status.STATUS_ROLLEDBACK);
        relay.gather();
        assertThat(sent).as("a rolled-back transaction asks for nothing").hasSize(1);
    }

    @Test
    void aRoundWhoseRunFailsThrowsNothingAndTheNextRoundSends() {
        outbox.add(chat(1, LOBBY));
        brokerDown = true;
        registry.begin();
        relay.wakeAfterCommit();
        registry.end(Status.STATUS_COMMITTED);

        relay.gather();
        assertThat(relay.backlog()).isEqualTo(1);

        brokerDown = false;
        relay.tick();
        assertThat(sent).extracting(ComplianceEvent::messageId).containsExactly(1L);
    }

    @Test
    void aWakeUpOutsideATransactionLeavesTheRunToTheNextTick() {
        relay.wakeAfterCommit();

        assertThat(registry.registered()).isEmpty();
        assertThat(registry.resources()).isEmpty();
    }

    private static final class Outbox implements ComplianceOutbox {
        final TreeMap<Long, ComplianceEvent> entries = new TreeMap<>();
        long next = 1;

        @Override
        public void add(ComplianceEvent event) {
            entries.put(next++, event);
        }

        @Override
        public List<Entry> oldest(int max) {
            return entries.entrySet().stream().limit(max).map(e -> new Entry(e.getKey(), e.getValue())).toList();
        }

        @Override
        public void remove(List<Long> sequences) {
            sequences.forEach(entries::remove);
        }

        @Override
        public long count() {
            return entries.size();
        }
    }
}
