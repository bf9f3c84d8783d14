package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.application.compliance.ComplianceOutboxRelay;
import org.openpchat.chat.application.compliance.ComplianceRelayLock;
import org.openpchat.chat.application.compliance.StoredComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.infrastructure.persistence.JpaTestDatabase;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;

/**
 * Exactly once from the outbox to mgccomp when the relay dies between committing its sends and
 * removing them: the real relay over the real outbox (mgc on H2), a queue that hands each send to
 * the consumer once its transaction commits, and a consumer that stores each delivery in its own
 * mgccomp transaction with the real {@link JpaComplianceStore} (what the MDB does through
 * ComplianceIntake). The broker itself is not here: its redelivery is ComplianceIT's part.
 */
class JpaComplianceRelayStoresOnceTest {

    private final JpaTestDatabase mgc = new JpaTestDatabase();
    private final EntityManagerFactory mgccomp = JpaComplianceStoreTest.mgccomp();
    private final OutboxOfTheCurrentTransaction outbox = new OutboxOfTheCurrentTransaction();
    private final QueueIntoTheStore queue = new QueueIntoTheStore();

    @AfterEach
    void close() {
        mgccomp.close();
        mgc.close();
    }

    @Test
    void aBatchSentTwiceAfterACrashIsStoredOnce() {
        List<ComplianceEvent> events = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> event(i, ComplianceEventType.CHAT, LOBBY, ALICE, i, "post " + i)).toList();
        mgc.run(em -> events.forEach(new JpaComplianceOutbox(em)::add));
        boolean[] crashed = {false};
        ComplianceRelayLock lock = () -> new JpaComplianceRelayLock(outbox.current).take();
        ComplianceOutboxRelay relay = new ComplianceOutboxRelay(outbox, lock, queue, this::inMgcTransaction, 2, batch -> {
            if (!crashed[0] && batch.get(0).event().equals(events.get(2))) {
                crashed[0] = true;
                throw new IllegalStateException("killed");
            }
        });

        assertThatThrownBy(relay::relayAll).hasMessage("killed");
        assertThat(relay.relayAll()).isEqualTo(2);

        assertThat(queue.deliveries).as("the second batch was delivered twice").hasSize(6);
        assertThat(queue.stored).containsExactly(true, true, true, true, false, false);
        List<StoredComplianceEvent> stored = inMgccomp(em -> new JpaComplianceStore(em).ofRoom(LOBBY.uid()));
        assertThat(stored).extracting(StoredComplianceEvent::event).containsExactlyElementsOf(events);
        long waiting = mgc.inTransaction(em -> new JpaComplianceOutbox(em).count());
        assertThat(waiting).isZero();
    }

    private <T> T inMgcTransaction(Supplier<T> work) {
        T result;
        try {
            result = mgc.inTransaction(em -> {
                EntityManager outer = outbox.current; // a batch's send runs in a transaction within the batch's
                outbox.current = em;
                try {
                    return work.get();
                } finally {
                    outbox.current = outer;
                }
            });
        } catch (RuntimeException e) {
            queue.pending.clear();
            throw e;
        }
        queue.commit();
        return result;
    }

    private <T> T inMgccomp(Function<EntityManager, T> work) {
        return ResourceLocalTransactions.inTransaction(mgccomp, work);
    }

    /** The JPA outbox on the entity manager of the transaction the relay's step runs in. */
    private static final class OutboxOfTheCurrentTransaction implements ComplianceOutbox {

        EntityManager current;

        private JpaComplianceOutbox outbox() {
            if (current == null) {
                throw new IllegalStateException("the outbox is used outside a transaction");
            }
            return new JpaComplianceOutbox(current);
        }

        @Override
        public void add(ComplianceEvent event) {
            outbox().add(event);
        }

        @Override
        public List<Entry> oldest(int max) {
            return outbox().oldest(max);
        }

        @Override
        public void remove(List<Long> sequences) {
            outbox().remove(sequences);
        }

        @Override
        public long count() {
            return outbox().count();
        }
    }

    /** Sends reach the consumer when their transaction commits; each delivery is stored in its own transaction. */
    private final class QueueIntoTheStore implements ComplianceEventPublisher {

        final List<ComplianceEvent> pending = new ArrayList<>();
        final List<ComplianceEvent> deliveries = new ArrayList<>();
        final List<Boolean> stored = new ArrayList<>();

        @Override
        public void publish(ComplianceEvent event) {
            pending.add(event);
        }

        void commit() {
            for (ComplianceEvent event : pending) {
                deliveries.add(event);
                stored.add(inMgccomp(em -> new JpaComplianceStore(em).storeOnce(event)));
            }
            pending.clear();
        }
    }
}
