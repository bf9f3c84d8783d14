package org.openpchat.chat.infrastructure.persistence;

import java.sql.Connection;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/**
 * Compacts the file of an embedded H2 database, which H2 itself only does from a background
 * writer that {@code WRITE_DELAY=0} turns off (see {@link EmbeddedDatabaseCompaction}). Reaches
 * H2's store through its engine classes (H2 offers no SQL for it); loaded only for an H2
 * connection, so other databases need no H2 classes.
 */
final class H2FileCompaction {

    /** The file's size before and after one compaction, in bytes. */
    record Result(long before, long after) {
    }

    private H2FileCompaction() {
    }

    /**
     * Compacts for about {@code maxMillis} (H2 checks the time between chunks); empty unless
     * {@code connection} is H2's own (not a pool's wrapper) to a file database open in this process.
     */
    static Optional<Result> compact(Connection connection, int maxMillis) {
        if (!(connection instanceof JdbcConnection h2) || !(h2.getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        MVStore mvStore = store == null ? null : store.getMvStore();
        FileStore<?> file = mvStore == null ? null : mvStore.getFileStore();
        if (file == null || file.isReadOnly()) {
            return Optional.empty();
        }
        long before = file.size();
        store.compactFile(maxMillis);
        return Optional.of(new Result(before, file.size()));
    }
}
