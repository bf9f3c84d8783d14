package org.openpchat.chat.infrastructure.compliance;

import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.compliance.StoredComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;

/**
 * The export's purge as the export runs it: a batch of 5,000 events read, then deleted by id in
 * the same transaction. Prints milliseconds per batch through {@link JpaComplianceStore#purge} and
 * through the same statements with EclipseLink's default (the persistence context checked against
 * each statement); asserts nothing about speed. Not part of the unit tests (no *Test name); run:
 * mvn -B -o test -pl chat-ejb -Dtest=ComplianceExportPurgeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class ComplianceExportPurgeBenchmark {

    private static final int BATCH = 5_000;
    private static final int ROUNDS = 6;

    @Test
    void purgesABatchReadInTheSameTransaction() {
        measure("JpaComplianceStore.purge", (em, ids) -> new JpaComplianceStore(em).purge(ids));
        measure("EclipseLink's default", (em, ids) -> {
            for (int from = 0; from < ids.size(); from += 1000) {
                em.createQuery("DELETE FROM ComplianceEventRecord r WHERE r.id IN :ids")
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).executeUpdate();
            }
        });
    }

    private static void measure(String how, BiConsumer<EntityManager, List<Long>> purge) {
        EntityManagerFactory factory = JpaComplianceStoreTest.mgccomp();
        try {
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<ComplianceEvent> events = new ArrayList<>();
                for (int i = 1; i <= BATCH; i++) {
                    events.add(event(round * BATCH + i, ComplianceEventType.JOIN, LOBBY, ALICE, 0, null));
                }
                ResourceLocalTransactions.inTransaction(factory, em -> new JpaComplianceStore(em).storeAllOnce(events));
                millis.add(ResourceLocalTransactions.inTransaction(factory, em -> {
                    List<Long> ids = new JpaComplianceStore(em).unprocessed(BATCH).stream()
                            .map(StoredComplianceEvent::sequence).toList();
                    long start = System.nanoTime();
                    purge.accept(em, ids);
                    return (System.nanoTime() - start) / 1e6;
                }));
            }
            System.out.printf("purge of %,d events read in the same transaction, %s: %s ms per batch"
                    + " (the first rounds warm the JIT)%n", BATCH, how,
                    millis.stream().map(ms -> String.format("%.0f", ms)).toList());
        } finally {
            factory.close();
        }
    }
}
