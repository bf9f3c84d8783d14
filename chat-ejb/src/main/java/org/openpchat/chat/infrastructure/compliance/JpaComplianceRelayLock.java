package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openpchat.chat.application.compliance.ComplianceRelayLock;

/**
 * The lock as the row of COMPLIANCE_RELAY_LOCK, read with a pessimistic write lock in the
 * caller's mgc transaction (SELECT ... FOR UPDATE on PostgreSQL and H2, WITH (UPDLOCK) on SQL
 * Server): another server's batch waits for it until this one commits or rolls back. A server
 * that dies holding it loses its connection, and the database rolls its transaction back.
 */
@ApplicationScoped
public class JpaComplianceRelayLock implements ComplianceRelayLock {

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaComplianceRelayLock() {
    }

    /** Outside the container (tests): in this entity manager's transaction. */
    public JpaComplianceRelayLock(EntityManager em) {
        this.em = em;
    }

    @Override
    public void take() {
        if (em.find(ComplianceRelayLockRecord.class, ComplianceRelayLockRecord.ROW, LockModeType.PESSIMISTIC_WRITE) == null) {
            // The changelog seeds the row; one deleted by hand comes back. A server doing the same
            // at the same moment fails on the primary key, and its batch is tried again later.
            em.persist(new ComplianceRelayLockRecord());
            em.flush();
        }
    }
}
