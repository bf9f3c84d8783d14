package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.infrastructure.schema.DatabaseMigrations;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;

/**
 * In the deployed server: the schema changelogs were applied to both databases when the
 * application started (the domain lets it migrate), and EclipseLink is not asked for tables.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseSchemaIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(DatabaseSchemaIT.class);
    }

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource(lookup = "jdbc/pchat/mgccomp")
    private DataSource mgccomp;
    @EJB(lookup = "java:app/chat-ejb/DatabaseMigrations")
    private DatabaseMigrations migrations;

    @Test
    void bothDatabasesHaveEveryChangesetOfTheirChangelog() throws SQLException {
        migrations.awaitSchemas();
        try (Connection connection = mgc.getConnection()) {
            assertThat(SchemaChangelog.MGC.pendingChangeSets(connection)).isEmpty();
            assertThat(recorded(connection)).containsKeys("principal", "room", "chat-message", "compliance-outbox",
                    "adopt-room-references");
        }
        try (Connection connection = mgccomp.getConnection()) {
            assertThat(SchemaChangelog.MGCCOMP.pendingChangeSets(connection)).isEmpty();
            assertThat(recorded(connection)).containsKeys("compliance-event", "adopt-check-constraints");
        }
    }

    @Test
    void onThisDatabaseTheServerMigratesAndEclipseLinkMakesNoTables() throws SQLException {
        assertThat(System.getProperty(DatabaseMigrations.MIGRATE_PROPERTY)).isEqualTo("true");
        assertThat(System.getProperty("eclipselink.ddl-generation")).isNull();
        try (Connection connection = mgc.getConnection()) {
            Map<String, String> recorded = recorded(connection);
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                assertThat(recorded).containsEntry("adopt-bigint-ids", "EXECUTED");
            } else {
                assertThat(recorded).as("a PostgreSQL-only changeset").doesNotContainKey("adopt-bigint-ids");
            }
        }
    }

    /** Changeset id to how it was recorded (EXECUTED, or MARK_RAN where there was nothing to do). */
    private static Map<String, String> recorded(Connection connection) throws SQLException {
        Map<String, String> changeSets = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID, EXECTYPE FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                changeSets.put(rows.getString(1), rows.getString(2));
            }
        }
        return changeSets;
    }
}
