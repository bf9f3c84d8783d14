package org.openpchat.chat.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings both databases to this release's schema when the application starts, before anything
 * else uses them: with {@code -Dopenpchat.schema.migrate=true} (H2 and PostgreSQL domains) it
 * applies the changelogs; otherwise (SQL Server, where the DBA runs the scripts) it only checks
 * them, and a database that lacks changesets stops the deployment.
 * Startup singletons that use a database declare {@code @DependsOn("DatabaseMigrations")};
 * message-driven beans, which GlassFish starts before the startup singletons, call
 * {@link #awaitSchemas()} first.
 * Outside transactions: Liquibase commits on its own connections, and one transaction could not
 * enlist both (non-XA) pools anyway.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

    public static final String MIGRATE_PROPERTY = "openpchat.schema.migrate";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource(lookup = "jdbc/pchat/mgccomp")
    private DataSource mgccomp;

    /** Singleton lifecycle callbacks run in a transaction unless the method itself says otherwise. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void bringSchemasUpToDate() {
        boolean migrate = Boolean.getBoolean(MIGRATE_PROPERTY);
        bringUpToDate(SchemaChangelog.MGC, mgc, migrate);
        bringUpToDate(SchemaChangelog.MGCCOMP, mgccomp, migrate);
    }

    /**
     * Returns once both databases have this release's schema. The container initialises this
     * bean before the call is delivered (waiting for an initialisation under way), so the call
     * itself is the wait; it fails if the schemas could not be brought up to date.
     */
    public void awaitSchemas() {
        // nothing to do: reaching here means the initialisation succeeded
    }

    static void bringUpToDate(SchemaChangelog changelog, DataSource dataSource, boolean migrate) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> pending = changelog.pendingChangeSets(connection);
            if (pending.isEmpty()) {
                LOG.info(() -> "database " + changelog.unit() + ": schema up to date (" + changelog + ")");
            } else if (migrate) {
                changelog.update(connection);
                LOG.info(() -> "database " + changelog.unit() + ": " + pending.size() + " changesets of " + changelog
                        + " applied (or marked as run where their change was already in place): " + pending);
            } else {
                throw new IllegalStateException(behind(changelog, pending));
            }
        } catch (SQLException | RuntimeException e) {
            String message = "database " + changelog.unit() + " (jdbc/pchat/" + changelog.unit()
                    + ") could not be brought to this release's schema; the application does not start: "
                    + e.getMessage();
            LOG.log(Level.SEVERE, message, e);
            throw new IllegalStateException(message, e);
        }
    }

    private static String behind(SchemaChangelog changelog, List<String> pending) {
        return "it lacks " + pending.size() + " changesets of " + changelog + " (first: " + pending.get(0)
                + "). Apply them (SQL Server: the scripts in server-config/sql/sqlserver), or let the server"
                + " apply them with -D" + MIGRATE_PROPERTY + "=true and a login that may change the schema";
    }
}
