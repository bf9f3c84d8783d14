package org.openpchat.chat.infrastructure.compliance;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;
import org.openpchat.chat.infrastructure.schema.TestDatabase;
import org.openpchat.chat.infrastructure.schema.TestDatabase.Kind;

/**
 * A database of either kind made by a changelog, with an entity manager factory of its unit, for
 * tests where the transactions of two servers wait for each other's row locks.
 */
final class LockingDatabase implements AutoCloseable {

    /** How long a test waits for another thread before it gives up. */
    static final long TIMEOUT_SECONDS = 30;

    private final TestDatabase database;
    private final EntityManagerFactory factory;

    LockingDatabase(Kind kind, SchemaChangelog changelog, String unit) throws SQLException {
        // H2 gives up waiting for a row lock after 1 s by default; the tests hold one longer
        database = kind == Kind.H2 ? TestDatabase.h2("LEGACY;LOCK_TIMEOUT=30000") : TestDatabase.postgres();
        try (Connection connection = database.connect()) {
            changelog.update(connection);
        }
        factory = Persistence.createEntityManagerFactory(unit, database.jpaProperties());
    }

    EntityManagerFactory factory() {
        return factory;
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        database.close();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited " + TIMEOUT_SECONDS + " s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
