package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.domain.compliance.ComplianceEvent;

/** The outbox as table COMPLIANCE_OUTBOX of the mgc unit, in the caller's transaction. */
@ApplicationScoped
public class JpaComplianceOutbox implements ComplianceOutbox {

    /** SQL Server accepts at most 2100 parameters in one statement. */
    private static final int IDS_PER_STATEMENT = 1000;

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaComplianceOutbox() {
    }

    public JpaComplianceOutbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts at once: EclipseLink does not keep the persist order of new objects at commit, and
     * the identity column is the sending order.
     */
    @Override
    public void add(ComplianceEvent event) {
        em.persist(new ComplianceOutboxEntry(event));
        em.flush();
    }

    @Override
    public List<Entry> oldest(int max) {
        return em.createQuery("SELECT e FROM ComplianceOutboxEntry e ORDER BY e.id", ComplianceOutboxEntry.class)
                .setMaxResults(max).getResultList().stream().map(e -> new Entry(e.id(), e.toEvent())).toList();
    }

    @Override
    public void remove(List<Long> sequences) {
        for (int from = 0; from < sequences.size(); from += IDS_PER_STATEMENT) {
            em.createQuery("DELETE FROM ComplianceOutboxEntry e WHERE e.id IN :ids")
                    .setParameter("ids", sequences.subList(from, Math.min(sequences.size(), from + IDS_PER_STATEMENT)))
                    .executeUpdate();
        }
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(e) FROM ComplianceOutboxEntry e", Long.class).getSingleResult();
    }
}
