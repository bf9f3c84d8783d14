package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real H2 file database opened as the domain opens it ({@code WRITE_DELAY=0}) grows with
 * every commit until it is compacted; an in-memory one has no file to compact.
 */
class EmbeddedDatabaseCompactionTest {

    @TempDir
    Path directory;

    @Test
    void aFileDatabaseWrittenOneCommitAtATimeShrinksWhenCompacted() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:" + directory.resolve("mgc") + ";MODE=LEGACY;WRITE_DELAY=0");
        Path file = directory.resolve("mgc.mv.db");
        try (Connection open = dataSource.getConnection()) { // keeps the database open between the steps
            commitOneRowAtATime(open, 20_000);
            long grown = Files.size(file);

            H2FileCompaction.Result result = compactUntilSettled(open);

            assertThat(result.before()).isEqualTo(grown);
            assertThat(result.after()).as("file after compaction, grown to %d bytes", grown).isLessThan(grown / 2);
            assertThat(EmbeddedDatabaseCompaction.compact(dataSource)).as("an H2 file database").isPresent();
            try (Statement statement = open.createStatement();
                    var rows = statement.executeQuery("SELECT COUNT(*), MAX(MESSAGE_ID) FROM CHAT_MESSAGE")) {
                rows.next();
                assertThat(rows.getLong(1)).as("rows after compaction").isEqualTo(20_000);
                assertThat(rows.getLong(2)).isEqualTo(20_000);
            }
        }
    }

    @Test
    void aPoolsWrappedConnectionIsCompactedThroughTheDriversConnectionBeneath() throws Exception {
        JdbcDataSource driver = h2("jdbc:h2:" + directory.resolve("pooled") + ";MODE=LEGACY;WRITE_DELAY=0");
        try (Connection open = driver.getConnection()) {
            commitOneRowAtATime(open, 2_000);
            assertThat(EmbeddedDatabaseCompaction.compact(new WrappingPool(driver))).as("through the wrapper").isPresent();
            assertThat(H2FileCompaction.compact(WrappingPool.wrap(open), 10)).as("the wrapper itself").isEmpty();
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
            assertThat(H2FileCompaction.compact(connection, 10)).isEmpty();
        }
        assertThat(EmbeddedDatabaseCompaction.compact(dataSource)).isEmpty();
    }

    private static H2FileCompaction.Result compactUntilSettled(Connection connection) throws SQLException {
        H2FileCompaction.Result first = H2FileCompaction.compact(connection, 250).orElseThrow();
        long after = first.after();
        for (int pass = 0; pass < 20; pass++) {
            after = H2FileCompaction.compact(connection, 250).orElseThrow().after();
        }
        return new H2FileCompaction.Result(first.before(), after);
    }

    private static void commitOneRowAtATime(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE CHAT_MESSAGE (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " ROOM_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, CONTENT VARCHAR(8000) NOT NULL,"
                    + " UNIQUE (ROOM_ID, MESSAGE_ID))");
            statement.execute("CREATE INDEX IX_CHAT_MESSAGE_CONTENT ON CHAT_MESSAGE (CONTENT)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO CHAT_MESSAGE (ROOM_ID, MESSAGE_ID, CONTENT) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
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
