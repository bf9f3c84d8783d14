package org.openpchat.chat.infrastructure.persistence;

import java.sql.Connection;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Rewrites the live pages of an embedded H2 database's sparsely filled chunks into new chunks, so
 * that the old ones fall empty and H2 reuses their space once its retention time (45 s) has
 * passed: the part of H2's background housekeeping that {@code WRITE_DELAY=0} turns off (see
 * {@link EmbeddedDatabaseCompaction}). Reaches H2's store through its engine classes (H2 offers
 * no SQL for it); loaded only for an H2 connection, so other databases need no H2 classes.
 * <p>
 * Deliberately not H2's {@code compactFile}, which also moves chunks to shrink the file: in
 * H2 2.3.232 that move can place a chunk across the boundary it must stay below (corrected
 * after the release, h2database commit 8492b8c), and it sets the retention time to 0 for good,
 * so that freed chunks are overwritten at once.
 */
final class H2ChunkRewrite {

    /** H2's own target ({@code AUTO_COMPACT_FILL_RATE}): chunks less full than this are rewritten. */
    static final int TARGET_FILL_RATE = 90;
    /**
     * At most this much is rewritten per call of H2's, which holds the store's lock (and so every
     * commit) meanwhile; calls repeat until the time is up. H2's own writer takes 256 KB a time.
     */
    private static final int WRITE_LIMIT_BYTES = 1 << 20;

    /** The file's size, and how many of H2's rewrite calls found something to rewrite. */
    record Result(long fileBytes, int rounds) {
    }

    private H2ChunkRewrite() {
    }

    /**
     * Rewrites until nothing is left to rewrite or about {@code maxMillis} have passed; empty
     * unless {@code connection} is H2's own (not a pool's wrapper) to a file database open in
     * this process.
     */
    static Optional<Result> rewrite(Connection connection, int maxMillis) {
        if (!(connection instanceof JdbcConnection h2) || !(h2.getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        var store = session.getDatabase().getStore();
        MVStore mvStore = store == null ? null : store.getMvStore();
        FileStore<?> file = mvStore == null ? null : mvStore.getFileStore();
        if (file == null || file.isReadOnly()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        int rounds = 0;
        while (System.nanoTime() - deadline < 0 && mvStore.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES)) {
            rounds++;
        }
        return Optional.of(new Result(file.size(), rounds));
    }
}
