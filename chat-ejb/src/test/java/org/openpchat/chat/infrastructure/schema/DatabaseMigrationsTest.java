package org.openpchat.chat.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up decision: apply the changelog (H2, PostgreSQL) or only check it (SQL Server). */
class DatabaseMigrationsTest {

    private final TestDatabase database = TestDatabase.h2();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    DatabaseMigrationsTest() {
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void withoutMigrationADatabaseThatLacksChangesetsStopsTheStartAndSaysWhy() throws SQLException {
        assertThatThrownBy(() -> DatabaseMigrations.bringUpToDate(SchemaChangelog.MGC, dataSource, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database mgc (jdbc/pchat/mgc)")
                .hasMessageContaining("first: db/changelog/mgc/principal.xml::principal::openpchat")
                .hasMessageContaining("-Dopenpchat.schema.migrate=true");
        try (Connection connection = database.connect()) {
            assertThat(SchemaSnapshot.of(connection).tables()).as("nothing was changed").isEmpty();
        }
    }

    @Test
    void withMigrationTheChangelogIsAppliedAndACheckThenPasses() throws SQLException {
        DatabaseMigrations.bringUpToDate(SchemaChangelog.MGC, dataSource, true);

        DatabaseMigrations.bringUpToDate(SchemaChangelog.MGC, dataSource, false);
        try (Connection connection = database.connect()) {
            assertThat(SchemaSnapshot.of(connection).tables()).containsKeys("ROOM", "CHAT_MESSAGE", "COMPLIANCE_OUTBOX");
        }
    }

    @Test
    void aChangesetMissingLaterIsFoundByTheCheck() throws SQLException {
        DatabaseMigrations.bringUpToDate(SchemaChangelog.MGC, dataSource, true);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = 'compliance-outbox'");
        }

        assertThatThrownBy(() -> DatabaseMigrations.bringUpToDate(SchemaChangelog.MGC, dataSource, false))
                .hasMessageContaining("lacks 1 changesets")
                .hasMessageContaining("compliance-outbox.xml::compliance-outbox::openpchat");
    }
}
