package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.BOB;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.compliance.StoredComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;

/** The mgccomp unit on H2 in the server's mode: idempotent storing, ordering, purge. */
class JpaComplianceStoreTest {

    private final EntityManagerFactory factory = mgccomp();

    /** The mgccomp unit on an in-memory H2 database whose schema the mgccomp changelog made. */
    static EntityManagerFactory mgccomp() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            SchemaChangelog.MGCCOMP.update(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("mgccomp", properties);
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void holdsOnlyTheComplianceTables() {
        assertThat(factory.getMetamodel().getEntities()).extracting(EntityType::getName)
                .containsExactlyInAnyOrder("ComplianceEventRecord", "ComplianceExportClaimRecord");
    }

    @Test
    void storesAnEventOnceAndReadsItBackUnchanged() {
        ComplianceEvent chat = event(1, ComplianceEventType.CHAT, DESK, BOB, 4, "日本語 😀 <b>");
        boolean first = inTransaction(store -> store.storeOnce(chat));
        boolean again = inTransaction(store -> store.storeOnce(chat));
        assertThat(first).isTrue();
        assertThat(again).isFalse();

        List<StoredComplianceEvent> stored = inTransaction(store -> store.ofRoom(DESK.uid()));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).event()).isEqualTo(chat);
        assertThat(stored.get(0).processed()).isFalse();
    }

    @Test
    void aBatchStoresWhatIsNotThereYetInOneGo() {
        ComplianceEvent stored = event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null);
        ComplianceEvent chat = event(2, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "hi");
        ComplianceEvent part = event(3, ComplianceEventType.PART, LOBBY, ALICE, 0, null);
        inTransaction(store -> store.storeOnce(stored));

        int first = inTransaction(store -> store.storeAllOnce(List.of(stored, chat, chat, part)));
        int again = inTransaction(store -> store.storeAllOnce(List.of(part, chat, stored)));

        assertThat(first).isEqualTo(2);
        assertThat(again).isZero();
        List<StoredComplianceEvent> room = inTransaction(store -> store.ofRoom(LOBBY.uid()));
        assertThat(room).extracting(StoredComplianceEvent::event).containsExactly(stored, chat, part);
    }

    @Test
    void aBatchLargerThanOneStatementsIdsIsCheckedWhole() {
        List<ComplianceEvent> events = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(i -> event(i, ComplianceEventType.CHAT, DESK, BOB, i, "m" + i)).toList();
        inTransaction(store -> store.storeOnce(events.get(1000)));

        int stored = inTransaction(store -> store.storeAllOnce(events));

        assertThat(stored).isEqualTo(1000);
        long inRoom = inTransaction(store -> store.countOfRoom(DESK.uid()));
        assertThat(inRoom).isEqualTo(1001);
    }

    @Test
    void theUniqueConstraintStopsARacingDuplicate() {
        ComplianceEvent join = event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null);
        inTransaction(store -> store.storeOnce(join));
        assertThatThrownBy(() -> inTransaction(store -> {
            store.em().persist(new ComplianceEventRecord(join, Instant.now()));
            store.em().flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void theBatchReadInTheSameTransactionIsPurgedOrMarked() {
        List<ComplianceEvent> events = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            events.add(event(i, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null));
        }
        inTransaction(store -> {
            store.storeAllOnce(events);
            return null;
        });

        int marked = inTransaction(store -> {
            List<Long> batch = store.unprocessed(700).stream().map(StoredComplianceEvent::sequence).toList();
            store.markProcessed(batch);
            return batch.size();
        });
        int purged = inTransaction(store -> {
            List<Long> batch = store.unprocessed(5000).stream().map(StoredComplianceEvent::sequence).toList();
            store.purge(batch);
            return batch.size();
        });

        assertThat(marked).isEqualTo(700);
        assertThat(purged).isEqualTo(500);
        long unprocessed = inTransaction(TestStore::countUnprocessed);
        assertThat(unprocessed).isZero();
        long left = inTransaction(store -> store.countOfRoom(LOBBY.uid()));
        assertThat(left).as("the marked ones stay").isEqualTo(700);
    }

    @Test
    void exportsInTimeOrderThenMarksOrPurges() {
        ComplianceEvent late = event(9, ComplianceEventType.PART, LOBBY, ALICE, 0, null);
        ComplianceEvent early = event(1, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null);
        ComplianceEvent middle = event(5, ComplianceEventType.CHAT, LOBBY, ALICE, 1, "hi");
        inTransaction(store -> store.storeOnce(late) && store.storeOnce(early) && store.storeOnce(middle));

        List<StoredComplianceEvent> batch = inTransaction(store -> store.unprocessed(2));
        assertThat(batch).extracting(StoredComplianceEvent::event).containsExactly(early, middle);

        inTransaction(store -> {
            store.markProcessed(List.of(batch.get(0).sequence()));
            store.purge(List.of(batch.get(1).sequence()));
            return null;
        });
        List<StoredComplianceEvent> rest = inTransaction(store -> store.unprocessed(10));
        assertThat(rest).extracting(StoredComplianceEvent::event).containsExactly(late);
        long unprocessed = inTransaction(TestStore::countUnprocessed);
        assertThat(unprocessed).isEqualTo(1);
        List<StoredComplianceEvent> room = inTransaction(store -> store.ofRoom(LOBBY.uid()));
        assertThat(room).extracting(StoredComplianceEvent::processed).containsExactly(true, false);
        long inRoom = inTransaction(store -> store.countOfRoom(LOBBY.uid()));
        assertThat(inRoom).isEqualTo(2);
    }

    private <T> T inTransaction(Function<TestStore, T> work) {
        return ResourceLocalTransactions.inTransaction(factory, em -> work.apply(new TestStore(em)));
    }

    private static final class TestStore extends JpaComplianceStore {
        private final EntityManager em;

        TestStore(EntityManager em) {
            super(em);
            this.em = em;
        }

        EntityManager em() {
            return em;
        }
    }
}
