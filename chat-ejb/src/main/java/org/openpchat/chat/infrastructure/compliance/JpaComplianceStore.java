package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.application.compliance.ComplianceStore;
import org.openpchat.chat.application.compliance.StoredComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

@ApplicationScoped
public class JpaComplianceStore implements ComplianceStore {

    /** SQL Server accepts at most 2100 parameters in one statement. */
    private static final int IDS_PER_STATEMENT = 1000;
    /** EclipseLink's QueryHints.CACHE_USAGE and CacheUsage.NoCache (the provider is not compiled against). */
    private static final String CACHE_USAGE = "eclipselink.cache-usage";
    private static final String NO_CACHE = "NoCache";

    @PersistenceContext(unitName = "mgccomp")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    protected JpaComplianceStore() {
    }

    public JpaComplianceStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean storeOnce(ComplianceEvent event) {
        long existing = em.createQuery("SELECT COUNT(r) FROM ComplianceEventRecord r WHERE r.eventId = :id", Long.class)
                .setParameter("id", event.eventId()).getSingleResult();
        if (existing > 0) {
            return false;
        }
        em.persist(new ComplianceEventRecord(event, clock.instant()));
        // Two deliveries racing past the check: the unique constraint fails one of them here, it
        // rolls back, and its redelivery finds the event stored.
        em.flush();
        return true;
    }

    /** One query for the ids already stored (per {@value #IDS_PER_STATEMENT}), one flush for the new rows. */
    @Override
    public int storeAllOnce(List<ComplianceEvent> events) {
        Set<String> seen = new HashSet<>();
        List<String> ids = events.stream().map(ComplianceEvent::eventId).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            seen.addAll(em.createQuery("SELECT r.eventId FROM ComplianceEventRecord r WHERE r.eventId IN :ids",
                            String.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
                    .getResultList());
        }
        Instant now = clock.instant();
        int stored = 0;
        for (ComplianceEvent event : events) {
            if (seen.add(event.eventId())) {
                em.persist(new ComplianceEventRecord(event, now));
                stored++;
            }
        }
        em.flush(); // as in storeOnce: a racing delivery fails on the unique constraint and is redelivered
        return stored;
    }

    @Override
    public List<StoredComplianceEvent> unprocessed(int max) {
        return em.createQuery("SELECT r FROM ComplianceEventRecord r WHERE r.processed = false"
                        + " ORDER BY r.occurredAt, r.id", ComplianceEventRecord.class)
                .setMaxResults(max).getResultList().stream().map(JpaComplianceStore::stored).toList();
    }

    @Override
    public void markProcessed(List<Long> sequences) {
        inChunks(sequences, "UPDATE ComplianceEventRecord r SET r.processed = true WHERE r.id IN :ids");
    }

    @Override
    public void purge(List<Long> sequences) {
        inChunks(sequences, "DELETE FROM ComplianceEventRecord r WHERE r.id IN :ids");
    }

    @Override
    public List<StoredComplianceEvent> ofRoom(String roomUid) {
        return em.createQuery("SELECT r FROM ComplianceEventRecord r WHERE r.roomUid = :room"
                        + " ORDER BY r.occurredAt, r.id", ComplianceEventRecord.class)
                .setParameter("room", roomUid).getResultList().stream().map(JpaComplianceStore::stored).toList();
    }

    @Override
    public long countUnprocessed() {
        return em.createQuery("SELECT COUNT(r) FROM ComplianceEventRecord r WHERE r.processed = false", Long.class)
                .getSingleResult();
    }

    @Override
    public long countOfRoom(String roomUid) {
        return em.createQuery("SELECT COUNT(r) FROM ComplianceEventRecord r WHERE r.roomUid = :room", Long.class)
                .setParameter("room", roomUid).getSingleResult();
    }

    /**
     * Without EclipseLink's check of the objects already read against the statement: the export
     * reads its batch (up to 5,000 events) in the same transaction, and EclipseLink tested each of
     * them against each of a statement's 1,000 ids, seconds of CPU a batch. Nothing reads those
     * objects again before the transaction ends.
     */
    private void inChunks(List<Long> ids, String jpql) {
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            em.createQuery(jpql).setHint(CACHE_USAGE, NO_CACHE)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
                    .executeUpdate();
        }
    }

    private static StoredComplianceEvent stored(ComplianceEventRecord record) {
        return new StoredComplianceEvent(record.id(), record.toEvent(), record.processed());
    }
}
