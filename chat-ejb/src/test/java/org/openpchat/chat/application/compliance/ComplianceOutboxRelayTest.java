package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;

/**
 * The relay's order of steps with an in-memory outbox, a transactional fake queue (sends are
 * delivered only when their transaction commits) and a lock that records when it is taken and
 * released: what is sent, when, what is sent again, and that a batch is read, sent and removed
 * while its transaction holds the pool-wide lock.
 */
class ComplianceOutboxRelayTest {

    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeQueue queue = new FakeQueue();
    private final FakeRelayTransactions transactions = new FakeRelayTransactions();
    private final FakeLock lock = new FakeLock();
    private final List<String> steps = new ArrayList<>();

    @Test
    void sendsEveryEntryOnceInOutboxOrderBatchByBatch() {
        List<ComplianceEvent> events = add(7);

        assertThat(relay(3, ComplianceOutboxRelay.AfterSend.NOTHING).relayAll()).isEqualTo(7);

        assertThat(queue.delivered).containsExactlyElementsOf(events);
        assertThat(outbox.entries).isEmpty();
        assertThat(steps).containsExactly(
                "lock", "read 1,2,3", "send 1,2,3", "commit", "remove 1,2,3", "unlock",
                "lock", "read 4,5,6", "send 4,5,6", "commit", "remove 4,5,6", "unlock",
                "lock", "read 7", "send 7", "commit", "remove 7", "unlock");
        assertThat(transactions.count).as("per batch: its own and the send's").isEqualTo(6);
    }

    @Test
    void anEmptyOutboxCostsOneReadAndSendsNothing() {
        assertThat(relay(3, ComplianceOutboxRelay.AfterSend.NOTHING).relayAll()).isZero();
        assertThat(steps).containsExactly("lock", "read ", "unlock");
        assertThat(queue.delivered).isEmpty();
    }

    @Test
    void aFullLastBatchLooksOnceMoreAndFindsNothing() {
        add(4);
        assertThat(relay(2, ComplianceOutboxRelay.AfterSend.NOTHING).relayAll()).isEqualTo(4);
        assertThat(steps).endsWith("lock", "read ", "unlock");
    }

    @Test
    void aFailedSendRemovesNothingAndTheNextRunSendsTheBatchOnce() {
        List<ComplianceEvent> events = add(5);
        queue.failOn = events.get(3);
        ComplianceOutboxRelay relay = relay(3, ComplianceOutboxRelay.AfterSend.NOTHING);

        assertThatThrownBy(relay::relayAll).hasMessageContaining("broker down");
        assertThat(queue.delivered).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(outbox.entries.keySet()).containsExactly(4L, 5L);

        queue.failOn = null;
        assertThat(relay.relayAll()).isEqualTo(2);
        assertThat(queue.delivered).containsExactlyElementsOf(events);
        assertThat(outbox.entries).isEmpty();
    }

    /** That the consumer then stores each event once is JpaComplianceRelayStoresOnceTest's part. */
    @Test
    void aCrashBetweenTheSendCommitAndTheRemovalSendsThatBatchAgain() {
        List<ComplianceEvent> events = add(4);
        boolean[] crashed = {false};
        ComplianceOutboxRelay relay = relay(2, batch -> {
            if (!crashed[0] && batch.get(0).sequence() == 3) {
                crashed[0] = true;
                throw new IllegalStateException("killed");
            }
        });

        assertThatThrownBy(relay::relayAll).hasMessage("killed");
        assertThat(outbox.entries.keySet()).containsExactly(3L, 4L);
        assertThat(steps).as("the lock is released with the failed batch's transaction").last().isEqualTo("unlock");
        assertThat(queue.delivered).containsExactlyElementsOf(events);
        assertThat(relay.relayAll()).isEqualTo(2);

        assertThat(queue.delivered).containsExactly(events.get(0), events.get(1), events.get(2), events.get(3),
                events.get(2), events.get(3));
        assertThat(outbox.entries).isEmpty();
    }

    @Test
    void aFailedRemovalKeepsTheEntriesForTheNextRun() {
        List<ComplianceEvent> events = add(2);
        outbox.failRemoves = 1;
        ComplianceOutboxRelay relay = relay(5, ComplianceOutboxRelay.AfterSend.NOTHING);

        assertThatThrownBy(relay::relayAll).hasMessageContaining("database down");
        assertThat(outbox.entries).hasSize(2);
        relay.relayAll();

        assertThat(queue.delivered).containsExactly(events.get(0), events.get(1), events.get(0), events.get(1));
        assertThat(outbox.entries).isEmpty();
    }

    @Test
    void aBatchWaitsForTheLockBeforeItReads() {
        add(2);
        lock.held = true; // another server's batch
        ComplianceOutboxRelay relay = relay(5, ComplianceOutboxRelay.AfterSend.NOTHING);

        assertThatThrownBy(relay::relayAll).hasMessageContaining("held by another server");
        assertThat(steps).as("nothing read or sent without the lock").isEmpty();
        assertThat(queue.delivered).isEmpty();

        lock.held = false;
        assertThat(relay.relayAll()).isEqualTo(2);
        assertThat(queue.delivered).hasSize(2);
    }

    @Test
    void rejectsANonPositiveBatchSize() {
        assertThatThrownBy(() -> relay(0, ComplianceOutboxRelay.AfterSend.NOTHING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchesOfOneSendEverythingOneByOne() {
        List<ComplianceEvent> events = add(2);

        assertThat(relay(1, ComplianceOutboxRelay.AfterSend.NOTHING).relayAll()).isEqualTo(2);
        assertThat(queue.delivered).containsExactlyElementsOf(events);
    }

    private ComplianceOutboxRelay relay(int batch, ComplianceOutboxRelay.AfterSend afterSend) {
        return new ComplianceOutboxRelay(outbox, lock, queue, transactions, batch, afterSend);
    }

    private List<ComplianceEvent> add(int count) {
        List<ComplianceEvent> events = IntStream.rangeClosed(1, count)
                .mapToObj(i -> event(i, ComplianceEventType.CHAT, LOBBY, ALICE, i, "post " + i)).toList();
        events.forEach(outbox::add);
        return events;
    }

    private static String sequences(List<ComplianceOutbox.Entry> entries) {
        return String.join(",", entries.stream().map(e -> String.valueOf(e.sequence())).toList());
    }

    private final class FakeOutbox implements ComplianceOutbox {

        final TreeMap<Long, ComplianceEvent> entries = new TreeMap<>();
        long next = 1;
        int failRemoves;

        @Override
        public void add(ComplianceEvent event) {
            entries.put(next++, event);
        }

        @Override
        public List<Entry> oldest(int max) {
            List<Entry> oldest = entries.entrySet().stream().limit(max)
                    .map(e -> new Entry(e.getKey(), e.getValue())).toList();
            steps.add("read " + sequences(oldest));
            return oldest;
        }

        @Override
        public void remove(List<Long> sequences) {
            if (failRemoves > 0) {
                failRemoves--;
                throw new IllegalStateException("database down");
            }
            steps.add("remove " + String.join(",", sequences.stream().map(String::valueOf).toList()));
            sequences.forEach(entries::remove);
        }

        @Override
        public long count() {
            return entries.size();
        }
    }

    /** Sends become visible on commit only, like a transacted JMS session. */
    private final class FakeQueue implements ComplianceEventPublisher {

        final List<ComplianceEvent> delivered = new ArrayList<>();
        final List<ComplianceEvent> uncommitted = new ArrayList<>();
        ComplianceEvent failOn;

        @Override
        public void publish(ComplianceEvent event) {
            if (event.equals(failOn)) {
                throw new IllegalStateException("broker down");
            }
            uncommitted.add(event);
        }

        @Override
        public void publishAll(List<ComplianceEvent> events) {
            steps.add("send " + String.join(",", events.stream().map(e -> String.valueOf(e.messageId())).toList()));
            ComplianceEventPublisher.super.publishAll(events);
        }
    }

    /**
     * Taken by the transaction that is open when it is asked for, released when that transaction
     * ends; held by another server, it fails the taker as a lock timeout would.
     */
    private final class FakeLock implements ComplianceRelayLock {

        boolean held;
        int takenAtDepth;

        @Override
        public void take() {
            if (held) {
                throw new IllegalStateException("held by another server");
            }
            steps.add("lock");
            takenAtDepth = transactions.depth;
        }

        void transactionEnded(int depth) {
            if (depth == takenAtDepth) {
                takenAtDepth = 0;
                steps.add("unlock");
            }
        }
    }

    private final class FakeRelayTransactions implements ComplianceOutboxRelay.Transactions {

        int count;
        int depth;

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            count++;
            depth++;
            try {
                T result = work.get();
                if (!queue.uncommitted.isEmpty()) {
                    queue.delivered.addAll(queue.uncommitted);
                    steps.add("commit");
                }
                return result;
            } finally {
                queue.uncommitted.clear();
                lock.transactionEnded(depth);
                depth--;
            }
        }
    }
}
