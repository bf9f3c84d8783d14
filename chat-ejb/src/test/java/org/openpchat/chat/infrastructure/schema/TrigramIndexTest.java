package org.openpchat.chat.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * History search's trigram index on PostgreSQL needs the extension pg_trgm. A login that may not
 * create it (no CREATE on the database) still gets its schema, with a warning and without the
 * index; once a DBA has created the extension, the next migration builds the index.
 */
class TrigramIndexTest {

    private static final String INDEX_CHANGESET =
            "db/changelog/mgc/chat-message-search-indexes.xml::chat-message-content-trigram-index::openpchat";

    @Test
    void aLoginWithoutThePrivilegeGetsTheIndexOnceADbaCreatedTheExtension() throws Exception {
        String role = "pchat_trgm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (TestDatabase db = TestDatabase.postgres()) {
            try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + role + " LOGIN");
                statement.execute("GRANT CREATE ON SCHEMA public TO " + role);
            }
            try (Connection server = DriverManager.getConnection(db.url(), role, "")) {
                SchemaChangelog.MGC.update(server);
                assertThat(count(server, "SELECT COUNT(*) FROM pg_extension WHERE extname = 'pg_trgm'")).isZero();
                assertThat(trigramIndexes(server)).as("index without the extension").isZero();
                assertThat(SchemaChangelog.MGC.pendingChangeSets(server)).containsExactly(INDEX_CHANGESET);
                assertThat(count(server, "SELECT COUNT(*) FROM CHAT_MESSAGE")).as("the table is there").isZero();
            }
            try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE EXTENSION pg_trgm");
            }
            try (Connection server = DriverManager.getConnection(db.url(), role, "")) {
                SchemaChangelog.MGC.update(server);
                assertThat(trigramIndexes(server)).isEqualTo(1);
                assertThat(SchemaChangelog.MGC.pendingChangeSets(server)).isEmpty();
            }
            try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
                statement.execute("DROP OWNED BY " + role); // before the database goes: nothing of the role left
            }
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private static long trigramIndexes(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_chat_message_content_trgm'");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
