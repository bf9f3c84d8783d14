package org.openpchat.chat.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;

/**
 * The real mgc mapping (persistence.xml + mgc-orm.xml) on EclipseLink in Java SE, with the JTA data
 * source swapped for an in-memory H2 database in the mode the server uses, its schema made by the
 * mgc changelog as on the server.
 */
public final class JpaTestDatabase implements AutoCloseable {

    private final EntityManagerFactory factory;

    public JpaTestDatabase() {
        this("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1", true);
    }

    public JpaTestDatabase(String url, boolean createSchema) {
        if (createSchema) {
            applyChangelog(url);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.level", "WARNING");
        factory = Persistence.createEntityManagerFactory("mgc", properties);
    }

    private static void applyChangelog(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            SchemaChangelog.MGC.update(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the work in one transaction and commits it. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return ResourceLocalTransactions.inTransaction(factory, work);
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}
