package org.openpchat.chat.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 databases' files from growing without bound. The domain opens them with
 * {@code WRITE_DELAY=0}, so that a killed server loses no committed post; H2 then writes each
 * commit as a chunk of its own and runs no background writer, and that writer is what rewrites
 * the live pages of sparse chunks so that their space can be used again. Without it the file
 * grows without end (300 one-row commits a second: 290 MB a minute). Every
 * {@link #PERIOD_SECONDS} seconds each database's chunks are rewritten for up to
 * {@link #BUDGET_MILLIS} ms ({@link H2ChunkRewrite}); the file then stays at about its live data
 * plus the last minute or two of commits. Other databases are left alone.
 */
@Singleton
@Startup // not made by its timer during an undeploy: GlassFish's singleton shutdown then fails
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no container transaction: GlassFish gave the timeout one despite NOT_SUPPORTED, and one
// transaction cannot hold connections of both (non-XA) pools
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedDatabaseCompaction {

    static final int PERIOD_SECONDS = 10;
    /** Checked between H2's rewrite calls, so a pass may take somewhat longer. */
    static final int BUDGET_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseCompaction.class.getName());

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource(lookup = "jdbc/pchat/mgccomp")
    private DataSource mgccomp;

    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile boolean notEmbedded;

    @Schedule(hour = "*", minute = "*", second = "*/" + PERIOD_SECONDS, persistent = false)
    void compactAll() {
        if (!notEmbedded) {
            boolean embedded = compact("mgc", mgc);
            embedded |= compact("mgccomp", mgccomp);
            notEmbedded = !embedded;
        }
    }

    /** False if the database is no H2 file database (nothing to do then, ever). */
    private boolean compact(String unit, DataSource dataSource) {
        long started = System.nanoTime();
        try {
            Optional<H2ChunkRewrite.Result> result = compact(dataSource);
            result.ifPresent(r -> LOG.log(announced.add(unit) ? Level.INFO : Level.FINE, () -> String.format(
                    "database %s: H2 chunks rewritten in %d ms (%d rounds), file %d MB (done every %d s)", unit,
                    (System.nanoTime() - started) / 1_000_000, r.rounds(), r.fileBytes() >> 20, PERIOD_SECONDS)));
            return result.isPresent();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not compact database " + unit + ": " + e, e);
            return true; // H2 after all: try again next time
        }
    }

    /** What the rewrite did; empty if the database is no H2 file database. */
    static Optional<H2ChunkRewrite.Result> compact(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return Optional.empty();
            }
            return H2ChunkRewrite.rewrite(driverConnection(dataSource, connection), BUDGET_MILLIS);
        }
    }

    /**
     * The driver's connection under a pool's wrapper, through GlassFish's documented
     * {@code com.sun.appserv.jdbc.DataSource#getConnection(Connection)} (its {@code unwrap} hands
     * out proxies, and only for interfaces); {@code pooled} itself where the data source has no
     * such method. Not to be closed: closing {@code pooled} returns both to the pool.
     */
    static Connection driverConnection(DataSource dataSource, Connection pooled) throws SQLException {
        for (Class<?> type = dataSource.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getName().equals("com.sun.appserv.jdbc.DataSource")) {
                    try {
                        return (Connection) contract.getMethod("getConnection", Connection.class).invoke(dataSource, pooled);
                    } catch (ReflectiveOperationException e) {
                        throw new SQLException("GlassFish's data source gave no driver connection", e);
                    }
                }
            }
        }
        return pooled;
    }
}
