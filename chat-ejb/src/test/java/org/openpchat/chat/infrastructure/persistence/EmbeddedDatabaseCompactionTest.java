package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real H2 file database opened as the domain opens it ({@code WRITE_DELAY=0}) grows with
 * every commit unless its chunks are rewritten; an in-memory one has no file. H2's assertions are
 * on here: they check the store's bookkeeping while chunks are rewritten.
 */
class EmbeddedDatabaseCompactionTest {

    private static final String DOMAIN_SETTINGS = ";MODE=LEGACY;WRITE_DELAY=0;MAX_COMPACT_TIME=0";

    @TempDir
    Path directory;

    @Test
    void aGrownFilesChunksAreRewrittenUntilNothingIsLeftAndEveryRowIsKept() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:" + directory.resolve("mgc") + DOMAIN_SETTINGS);
        try (Connection open = dataSource.getConnection()) { // keeps the database open between the steps
            withoutRetention(open);
            commitOneRowAtATime(open, 1, 5_000);

            H2ChunkRewrite.Result result = H2ChunkRewrite.rewrite(open, 5_000).orElseThrow();
            H2ChunkRewrite.Result again = H2ChunkRewrite.rewrite(open, 5_000).orElseThrow();

            assertThat(result.rounds()).as("rounds that rewrote something").isPositive();
            assertThat(result.fileBytes()).isEqualTo(Files.size(directory.resolve("mgc.mv.db")));
            assertThat(again.rounds()).as("rounds right after").isZero();
            assertThat(EmbeddedDatabaseCompaction.compact(dataSource)).as("an H2 file database").isPresent();
            assertRows(open, 5_000);
        }
        try (Connection reopened = dataSource.getConnection()) {
            assertRows(reopened, 5_000);
        }
    }

    @Test
    void chunksYoungerThanTheRetentionTimeAreLeftAlone() throws Exception {
        try (Connection open = h2("jdbc:h2:" + directory.resolve("young") + DOMAIN_SETTINGS).getConnection()) {
            commitOneRowAtATime(open, 1, 2_000);
            assertThat(H2ChunkRewrite.rewrite(open, 1_000).orElseThrow().rounds()).isZero();
        }
    }

    /** The space of rewritten chunks is reused once H2's retention time has passed (here at once). */
    @Test
    void aDatabaseWhoseChunksAreRewrittenStaysSmallWhereItWouldGrow() throws Exception {
        long grown = fileAfterCommits("grown", false);
        long rewritten = fileAfterCommits("rewritten", true);

        assertThat(rewritten).as("file rewritten every 1,000 commits, against %d bytes without", grown)
                .isLessThan(grown / 4);
    }

    private long fileAfterCommits(String name, boolean rewrite) throws Exception {
        try (Connection open = h2("jdbc:h2:" + directory.resolve(name) + DOMAIN_SETTINGS).getConnection()) {
            withoutRetention(open);
            for (int thousand = 0; thousand < 20; thousand++) {
                commitOneRowAtATime(open, thousand * 1_000 + 1, 1_000);
                if (rewrite) {
                    H2ChunkRewrite.rewrite(open, 1_000).orElseThrow();
                }
            }
            assertRows(open, 20_000);
            return Files.size(directory.resolve(name + ".mv.db"));
        }
    }

    @Test
    void aPoolsWrappedConnectionIsCompactedThroughTheDriversConnectionBeneath() throws Exception {
        JdbcDataSource driver = h2("jdbc:h2:" + directory.resolve("pooled") + DOMAIN_SETTINGS);
        try (Connection open = driver.getConnection()) {
            commitOneRowAtATime(open, 1, 2_000);
            assertThat(EmbeddedDatabaseCompaction.compact(new WrappingPool(driver))).as("through the wrapper").isPresent();
            assertThat(H2ChunkRewrite.rewrite(WrappingPool.wrap(open), 10)).as("the wrapper itself").isEmpty();
        }
    }

    /** A pool in GlassFish's manner: wrapped connections, and the driver's one on request. */
    private record WrappingPool(JdbcDataSource driver) implements com.sun.appserv.jdbc.DataSource {

        static Connection wrap(Connection connection) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.invoke(connection, args));
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(driver.getConnection());
        }

        @Override
        public Connection getConnection(Connection pooled) throws SQLException {
            return pooled.unwrap(org.h2.jdbc.JdbcConnection.class); // the proxy passes it to H2's connection
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(H2ChunkRewrite.rewrite(connection, 10)).isEmpty();
        }
        assertThat(EmbeddedDatabaseCompaction.compact(dataSource)).isEmpty();
    }

    /** H2 rewrites and reuses only chunks older than its retention time (45 s by default). */
    private static void withoutRetention(Connection connection) {
        ((SessionLocal) ((JdbcConnection) connection).getSession()).getDatabase().getStore().getMvStore()
                .setRetentionTime(0);
    }

    private static void assertRows(Connection connection, long rows) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*), MAX(MESSAGE_ID) FROM CHAT_MESSAGE")) {
            result.next();
            assertThat(result.getLong(1)).as("rows").isEqualTo(rows);
            assertThat(result.getLong(2)).as("newest row").isEqualTo(rows);
        }
    }

    private static void commitOneRowAtATime(Connection connection, int first, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS CHAT_MESSAGE (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " ROOM_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, CONTENT VARCHAR(8000) NOT NULL,"
                    + " UNIQUE (ROOM_ID, MESSAGE_ID))");
            statement.execute("CREATE INDEX IF NOT EXISTS IX_CHAT_MESSAGE_CONTENT ON CHAT_MESSAGE (CONTENT)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO CHAT_MESSAGE (ROOM_ID, MESSAGE_ID, CONTENT) VALUES (?, ?, ?)")) {
            for (int i = first; i < first + rows; i++) {
                insert.setLong(1, i % 10);
                insert.setLong(2, i);
                insert.setString(3, "post " + i + " about nothing in particular");
                insert.executeUpdate();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
