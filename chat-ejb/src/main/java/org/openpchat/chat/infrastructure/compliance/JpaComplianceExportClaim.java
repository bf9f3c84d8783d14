package org.openpchat.chat.infrastructure.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.openpchat.chat.application.compliance.ComplianceExportClaim;

/**
 * The claim as the row of COMPLIANCE_EXPORT_CLAIM, locked with a pessimistic write lock in the
 * caller's mgccomp transaction: EclipseLink reads it with SELECT ... FOR UPDATE on PostgreSQL and
 * H2 and WITH (UPDLOCK) on SQL Server, which a second transaction's same read waits for until the
 * first commits or rolls back, and then reads the row as the first left it.
 */
@ApplicationScoped
public class JpaComplianceExportClaim implements ComplianceExportClaim {

    /** The pool node's name, when the server is one (the JVM option of a pool's servers). */
    static final String POOL_NODE_PROPERTY = "openpchat.pool.node";

    @PersistenceContext(unitName = "mgccomp")
    private EntityManager em;
    private String server;

    protected JpaComplianceExportClaim() {
    }

    /** Outside the container (tests): in this entity manager's transaction, recording runs as this server. */
    public JpaComplianceExportClaim(EntityManager em, String server) {
        this.em = em;
        this.server = server;
    }

    @Override
    public Instant claim() {
        ComplianceExportClaimRecord row = em.find(ComplianceExportClaimRecord.class, ComplianceExportClaimRecord.ROW,
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            // The changelog seeds the row; one deleted by hand comes back. A server doing the same
            // at the same moment fails on the primary key, and its tick is simply lost.
            row = new ComplianceExportClaimRecord();
            em.persist(row);
            em.flush();
        }
        return row.lastRunAt();
    }

    @Override
    public void recordRun(Instant at) {
        ComplianceExportClaimRecord row = em.find(ComplianceExportClaimRecord.class, ComplianceExportClaimRecord.ROW);
        if (row == null) {
            throw new IllegalStateException("the compliance export claim is recorded without being taken");
        }
        row.ran(at, server != null ? server : ThisServer.NAME);
    }

    /**
     * This server as LAST_RUN_BY names it: its pool node name if it has one, otherwise its host
     * name and GlassFish instance name (every stand-alone domain's instance is called "server").
     */
    static String thisServer() {
        String node = System.getProperty(POOL_NODE_PROPERTY);
        if (node != null && !node.isBlank()) {
            return node;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        String instance = System.getProperty("com.sun.aas.instanceName");
        return instance == null ? host : host + "/" + instance;
    }

    /** Looked up once. */
    private static final class ThisServer {
        static final String NAME = thisServer();
    }
}
