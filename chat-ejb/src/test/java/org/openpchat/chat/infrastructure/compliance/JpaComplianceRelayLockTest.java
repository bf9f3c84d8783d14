package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.application.compliance.ComplianceOutboxRelay;
import org.openpchat.chat.application.compliance.ComplianceRelayLock;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;
import org.openpchat.chat.infrastructure.schema.TestDatabase.Kind;

/**
 * The relay lock on the mgc schema the changelog makes (its seeded row), on H2 and on PostgreSQL
 * (a pool's database): the relays of two servers over one outbox, through the real
 * {@link ComplianceOutboxRelay}, {@link JpaComplianceOutbox} and {@link JpaComplianceRelayLock},
 * each step in a resource-local transaction of its own thread as the container would run it. The
 * second server's batch waits while the first holds the lock between its send and its removal,
 * and then finds nothing left to send.
 */
class JpaComplianceRelayLockTest {

    /** How long a batch that must wait is watched to still wait. */
    private static final long STILL_WAITING_MILLIS = 500;
    private static final long TIMEOUT_SECONDS = LockingDatabase.TIMEOUT_SECONDS;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private LockingDatabase database;
    private EntityManagerFactory factory;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    private void open(Kind kind) throws SQLException {
        database = new LockingDatabase(kind, SchemaChangelog.MGC, "mgc");
        factory = database.factory();
    }

    @AfterEach
    void close() throws SQLException {
        threads.shutdownNow();
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoServersRelayingAtOnceSendEachEventOnce(Kind kind) throws Exception {
        open(kind);
        ResourceLocalTransactions.inTransaction(factory, em -> {
            IntStream.rangeClosed(1, 3).mapToObj(i -> event(i, ComplianceEventType.CHAT, LOBBY, ALICE, i, "m" + i))
                    .forEach(new JpaComplianceOutbox(em)::add);
            return null;
        });
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch firstRemoves = new CountDownLatch(1);

        Server first = new Server("first");
        Future<Integer> firstRelay = threads.submit(() -> first.relay(batch -> {
            firstSent.countDown();
            await(firstRemoves);
        }).relayAll());
        await(firstSent);
        Server second = new Server("second");
        Future<Integer> secondRelay = threads.submit(() -> second.relay(ComplianceOutboxRelay.AfterSend.NOTHING).relayAll());
        Thread.sleep(STILL_WAITING_MILLIS);

        assertThat(secondRelay).as("the second server's batch waits for the lock").isNotDone();
        firstRemoves.countDown();
        assertThat(firstRelay.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(secondRelay.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("it found the outbox empty").isZero();
        assertThat(sent).containsExactly("first: 1", "first: 2", "first: 3");
        long left = ResourceLocalTransactions.inTransaction(factory, em -> new JpaComplianceOutbox(em).count());
        assertThat(left).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRowDeletedByHandComesBack(Kind kind) throws Exception {
        open(kind);
        ResourceLocalTransactions.inTransaction(factory,
                em -> em.createNativeQuery("DELETE FROM COMPLIANCE_RELAY_LOCK").executeUpdate());

        ResourceLocalTransactions.inTransaction(factory, em -> {
            new JpaComplianceRelayLock(em).take();
            return null;
        });

        long rows = ResourceLocalTransactions.inTransaction(factory, em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM COMPLIANCE_RELAY_LOCK").getSingleResult()).longValue());
        assertThat(rows).isEqualTo(1);
    }

    /**
     * One server's relay: its outbox and lock work on the entity manager of the innermost
     * transaction open on its thread (a batch's send runs in a transaction within the batch's).
     */
    private final class Server implements ComplianceOutboxRelay.Transactions {

        private final String name;
        private final Deque<EntityManager> open = new ArrayDeque<>();

        Server(String name) {
            this.name = name;
        }

        ComplianceOutboxRelay relay(ComplianceOutboxRelay.AfterSend afterSend) {
            ComplianceOutbox outbox = new ComplianceOutbox() {
                @Override
                public void add(ComplianceEvent event) {
                    new JpaComplianceOutbox(open.peek()).add(event);
                }

                @Override
                public List<Entry> oldest(int max) {
                    return new JpaComplianceOutbox(open.peek()).oldest(max);
                }

                @Override
                public void remove(List<Long> sequences) {
                    new JpaComplianceOutbox(open.peek()).remove(sequences);
                }

                @Override
                public long count() {
                    return new JpaComplianceOutbox(open.peek()).count();
                }
            };
            ComplianceRelayLock lock = () -> new JpaComplianceRelayLock(open.peek()).take();
            ComplianceEventPublisher queue = event -> sent.add(name + ": " + event.messageId());
            return new ComplianceOutboxRelay(outbox, lock, queue, this, ComplianceOutboxRelay.DEFAULT_BATCH, afterSend);
        }

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            return ResourceLocalTransactions.inTransaction(factory, em -> {
                open.push(em);
                try {
                    return work.get();
                } finally {
                    open.pop();
                }
            });
        }
    }

    private static void await(CountDownLatch latch) {
        LockingDatabase.await(latch);
    }
}
