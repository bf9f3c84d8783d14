package org.openpchat.chat.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server checks at start (pending changesets) and applies (update), on H2. */
class SchemaChangelogTest {

    private final TestDatabase database = TestDatabase.h2();

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void anEmptyDatabaseLacksEveryChangesetForItsKindAndTheCheckCreatesNothing() throws SQLException {
        try (Connection connection = database.connect()) {
            List<String> pending = SchemaChangelog.MGC.pendingChangeSets(connection);

            assertThat(pending).first().isEqualTo("db/changelog/mgc/principal.xml::principal::openpchat");
            assertThat(pending).contains("db/changelog/mgc/compliance-outbox.xml::compliance-outbox::openpchat",
                    "db/changelog/mgc/adopt-eclipselink-schema.xml::adopt-room-references::openpchat");
            assertThat(pending).as("PostgreSQL only").noneMatch(changeSet -> changeSet.contains("adopt-bigint-ids"));
            assertThat(SchemaSnapshot.of(connection).tables()).isEmpty();
            assertThat(tableCount(connection)).isZero();
        }
    }

    @Test
    void anUpdatedDatabaseLacksNothingAndForgettingAChangesetShowsIt() throws SQLException {
        try (Connection connection = database.connect()) {
            SchemaChangelog.MGC.update(connection);
            assertThat(SchemaChangelog.MGC.pendingChangeSets(connection)).isEmpty();
            assertThat(connection.getAutoCommit()).as("as the pool handed it out").isTrue();

            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID = 'invitation'");
            }
            assertThat(SchemaChangelog.MGC.pendingChangeSets(connection))
                    .containsExactly("db/changelog/mgc/invitation.xml::invitation::openpchat");
        }
    }

    @Test
    void eachChangelogKeepsToItsOwnDatabase() throws SQLException {
        try (Connection connection = database.connect()) {
            SchemaChangelog.MGCCOMP.update(connection);

            assertThat(SchemaSnapshot.of(connection).tables()).containsOnlyKeys("COMPLIANCE_EVENT",
                    "COMPLIANCE_EXPORT_CLAIM");
            assertThat(SchemaChangelog.MGCCOMP.pendingChangeSets(connection)).isEmpty();
        }
    }

    @Test
    void theAdoptionOfEclipseLinkSchemasIsForH2AndPostgreSqlOnly() {
        assertThat(SchemaChangelog.MGC.changeSetsFor("mssql")).hasSize(30)
                .noneMatch(changeSet -> changeSet.contains("adopt-"));
        assertThat(SchemaChangelog.MGC.changeSetsFor("h2")).hasSize(40)
                .contains("db/changelog/mgc/adopt-eclipselink-schema.xml::adopt-check-constraints::openpchat");
        assertThat(SchemaChangelog.MGC.changeSetsFor("postgresql")).hasSize(45)
                .contains("db/changelog/mgc/adopt-eclipselink-schema.xml::adopt-bigint-ids::openpchat",
                        "db/changelog/mgc/audit-log.xml::adopt-audit-log-bigint-id::openpchat",
                        "db/changelog/mgc/chat-message-search-indexes.xml::chat-message-content-trigram-index::openpchat");
        assertThat(SchemaChangelog.MGCCOMP.changeSetsFor("mssql"))
                .containsExactly("db/changelog/mgccomp/compliance-event.xml::compliance-event::openpchat",
                        "db/changelog/mgccomp/moderation-event-types.xml::moderation-event-types::openpchat",
                        "db/changelog/mgccomp/compliance-export-claim.xml::compliance-export-claim::openpchat",
                        "db/changelog/mgccomp/compliance-export-claim.xml::compliance-export-claim-row::openpchat");
    }

    private static int tableCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
