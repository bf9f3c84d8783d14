package org.openpchat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.chat.application.compliance.ComplianceOutbox;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.infrastructure.compliance.ComplianceEventRecord;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceExportClaim;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceOutbox;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceStore;
import org.openpchat.chat.infrastructure.persistence.JpaMessageRepository;
import org.openpchat.chat.infrastructure.persistence.JpaRoomRepository;
import org.openpchat.chat.infrastructure.schema.MappingSchema;
import org.openpchat.chat.infrastructure.schema.SchemaBeyondMapping;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;
import org.openpchat.chat.infrastructure.schema.SchemaSnapshot;
import org.openpchat.chat.infrastructure.schema.TestDatabase;
import org.openpchat.chat.infrastructure.security.JpaCredentialStore;

/**
 * The SQL Server scripts a DBA runs (generated from the changelogs), on H2 in MSSQLServer mode
 * with the real mapping and EclipseLink's SQL Server platform: they make the schema the mapping
 * expects (types, lengths, nullability, unique constraints, indexes, foreign keys) with SQL
 * Server's production types, record every changeset so the server starts on them, drop cleanly,
 * and the mapping works on what they create, the unique compliance event id included.
 * What H2 cannot show: that SQL Server itself parses the script (H2 reads SQL Server's syntax
 * in that mode, NONCLUSTERED removed) and how it enforces the constraints; a UNIQUE constraint
 * refusing a second EVENT_ID is standard SQL, so H2 refusing it shows the script declares it.
 */
class SqlServerDdlTest {

    /** H2 knows no NONCLUSTERED (SQL Server's default for an index that is not the primary key). */
    private static final Pattern NOT_IN_H2 = Pattern.compile("\\bNONCLUSTERED ");

    private final TestDatabase mgc = TestDatabase.h2("MSSQLServer");
    private final TestDatabase mgccomp = TestDatabase.h2("MSSQLServer");

    @BeforeEach
    void runCreateScripts() throws Exception {
        run(mgc, "mgc-create.sql");
        run(mgccomp, "mgccomp-create.sql");
    }

    @AfterEach
    void close() throws SQLException {
        mgc.close();
        mgccomp.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mgc", "mgccomp"})
    void theScriptMakesTheSchemaTheMappingExpects(String unit) throws Exception {
        SchemaSnapshot mapping;
        try (TestDatabase mappingDatabase = TestDatabase.h2()) {
            mapping = MappingSchema.of(mappingDatabase, unit);
        }
        SchemaChangelog changelog = unit.equals("mgc") ? SchemaChangelog.MGC : SchemaChangelog.MGCCOMP;

        SchemaSnapshot scripted = snapshot(unit.equals("mgc") ? mgc : mgccomp);

        assertThat(mapping.tables()).isNotEmpty();
        assertThat(scripted.differencesFrom(SchemaBeyondMapping.expected(mapping, changelog,
                SchemaBeyondMapping.Target.SQL_SERVER_SCRIPT_ON_H2))).isEmpty();
    }

    @Test
    void theScriptsUseSqlServersProductionTypes() throws IOException {
        String chat = code("mgc-create.sql");
        String compliance = code("mgccomp-create.sql");
        for (String script : List.of(chat, compliance)) {
            assertThat(script).doesNotContainPattern("(?<!N)VARCHAR\\(").doesNotContain("NUMERIC(")
                    .doesNotContainPattern("\\bTEXT\\b").doesNotContainPattern("\\bDATETIME\\b")
                    .doesNotContainPattern("\\bINT IDENTITY");
        }
        assertThat(chat).contains("CONTENT NVARCHAR(MAX) NOT NULL", "POSTED_AT DATETIME2 NOT NULL",
                "PRINCIPAL_KEY NVARCHAR(400) NOT NULL", "FILE_UPLOAD BIT NOT NULL");
        assertThat(Pattern.compile("\\bID BIGINT IDENTITY \\(1, 1\\) NOT NULL").matcher(chat).results().count())
                .isEqualTo(13);
        assertThat(compliance).contains("ID BIGINT IDENTITY (1, 1) NOT NULL", "OCCURRED_AT DATETIME2 NOT NULL",
                "CONTENT NVARCHAR(MAX),", "CONSTRAINT UQ_COMPLIANCE_EVENT_ID UNIQUE (EVENT_ID)");
    }

    /**
     * The chat keeps times to the microsecond (ChatService.post) and the schema comparison reads
     * TIMESTAMP without its precision: every time column of ours is a bare DATETIME2 (7 digits);
     * only Liquibase's own table has DATETIME2(3).
     */
    @Test
    void everyTimeColumnHoldsMicroseconds() throws IOException {
        for (String script : List.of("mgc-create.sql", "mgccomp-create.sql")) {
            String ours = code(script).lines().filter(line -> !line.contains("DATABASECHANGELOG"))
                    .collect(Collectors.joining("\n"));
            assertThat(ours).as(script).contains("DATETIME2 NOT NULL").doesNotContainPattern("DATETIME2\\s*\\(")
                    .doesNotContainPattern("\\b(SMALL)?DATETIME(OFFSET)?\\b").doesNotContainPattern("\\bDATE\\b");
        }
    }

    @Test
    void theScriptsRecordEveryChangesetMeantForSqlServerSoTheServerStarts() throws SQLException {
        assertThat(recorded(mgc)).containsExactlyInAnyOrderElementsOf(SchemaChangelog.MGC.changeSetsFor("mssql"))
                .noneMatch(changeSet -> changeSet.contains("adopt-"));
        assertThat(recorded(mgccomp)).containsExactlyInAnyOrderElementsOf(SchemaChangelog.MGCCOMP.changeSetsFor("mssql"));
    }

    @Test
    void theMappingWorksOnTheScriptedSchema() {
        EntityManagerFactory factory = mappingOnScriptedSchema("mgc", mgc);
        try {
            String[] roomUid = new String[1];
            inTransaction(factory, em -> {
                Principal group = Principal.group(PrincipalId.group("traders"), "Tradérs ünicode");
                group.addMember(PrincipalId.user("bob@example.com"));
                em.persist(group);
                em.persist(Principal.user(PrincipalId.user("bob@example.com"), "Bob"));
                new JpaCredentialStore(em, new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl(),
                        new org.openpchat.chat.infrastructure.security.Ha1Cipher(new byte[32])).setPassword(PrincipalId.user("bob@example.com"), "Passw0rd!");
                Category category = new Category("Trading", "Désk");
                category.modifyAllowedMembers(AccessList.adding(PrincipalId.group("traders")));
                category.modifyDeniedMembers(AccessList.adding(PrincipalId.group("analysts")));
                category.modifyCreators(AccessList.adding(PrincipalId.user("bob@example.com")));
                em.persist(category);
                Addin addin = new Addin("Quotes", "https://quotes.example.com");
                em.persist(addin);
                Room room = new Room("Desk", category, Instant.parse("2026-01-01T00:00:00Z"));
                room.useAddin(addin);
                room.modifyMembers(AccessList.adding(PrincipalId.group("traders")),
                        p -> new Affiliations(Set.of(PrincipalId.group("traders"))));
                new JpaRoomRepository(em).add(room);
                roomUid[0] = room.uid();
                JpaMessageRepository messages = new JpaMessageRepository(em);
                messages.add(new ChatMessage(room.id(), messages.nextMessageId(room),
                        PrincipalId.user("bob@example.com"), Instant.now(), "日本語 and emoji 😀"));
                em.persist(new Invitation(room.id(), PrincipalId.group("traders"), Instant.now()));
                em.persist(new ChatPolicy(Scope.GLOBAL, true, "on"));
                em.persist(new ChatConfiguration(Scope.service("pc1.example.com")));
                new JpaComplianceOutbox(em).add(outboxEvent(room.uid()));
            });
            inTransaction(factory, em -> {
                Room room = new JpaRoomRepository(em).findByUid(roomUid[0]).orElseThrow();
                assertThat(room.members()).containsExactly(PrincipalId.group("traders"));
                assertThat(room.category().deniedMembers()).containsExactly(PrincipalId.group("analysts"));
                assertThat(new JpaMessageRepository(em).newest(room, 5)).extracting(ChatMessage::content)
                        .containsExactly("日本語 and emoji 😀");
                assertThat(new JpaCredentialStore(em, new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl(),
                        new org.openpchat.chat.infrastructure.security.Ha1Cipher(new byte[32])).verifyPassword(PrincipalId.user("bob@example.com"),
                        "Passw0rd!")).isTrue();
                JpaComplianceOutbox outbox = new JpaComplianceOutbox(em);
                List<ComplianceOutbox.Entry> waiting = outbox.oldest(10);
                assertThat(waiting).extracting(ComplianceOutbox.Entry::event)
                        .containsExactly(outboxEvent(room.uid()));
                outbox.remove(List.of(waiting.get(0).sequence()));
                assertThat(outbox.count()).isZero();
                new JpaRoomRepository(em).remove(room);
            });
            inTransaction(factory, em -> assertThat(new JpaRoomRepository(em).all()).isEmpty());
        } finally {
            factory.close();
        }
    }

    @Test
    void theComplianceMappingWorksOnTheScriptedSchema() {
        EntityManagerFactory factory = mappingOnScriptedSchema("mgccomp", mgccomp);
        try {
            ComplianceEvent event = complianceEvent();
            inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).storeOnce(event)).isTrue());
            inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).unprocessed(5))
                    .extracting(s -> s.event()).containsExactly(event));
        } finally {
            factory.close();
        }
    }

    /** Exactly-once storage of compliance events rests on this constraint when two deliveries race. */
    @Test
    void theScriptedComplianceSchemaRefusesADuplicateEventId() throws SQLException {
        EntityManagerFactory factory = mappingOnScriptedSchema("mgccomp", mgccomp);
        try {
            ComplianceEvent event = complianceEvent();
            inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).storeOnce(event)).isTrue());
            inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).storeOnce(event)).isFalse());
            assertThatThrownBy(() -> inTransaction(factory, em -> {
                em.persist(new ComplianceEventRecord(event, Instant.now()));
                em.flush();
            })).isInstanceOf(PersistenceException.class);
        } finally {
            factory.close();
        }
        try (Connection connection = mgccomp.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM COMPLIANCE_EVENT")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /**
     * The pool's compliance export claim: the script seeds its one row, and the claim works on it
     * with the SQL Server platform's locking read (SELECT ... WITH (UPDLOCK), which H2 reads in
     * this mode; that SQL Server blocks a second such read is SQL Server's part).
     */
    @Test
    void theScriptSeedsTheComplianceExportClaim() throws SQLException {
        EntityManagerFactory factory = mappingOnScriptedSchema("mgccomp", mgccomp);
        Instant run = Instant.parse("2026-01-01T10:00:00.123456Z");
        try {
            inTransaction(factory, em -> {
                JpaComplianceExportClaim claim = new JpaComplianceExportClaim(em, "chat1/server");
                assertThat(claim.claim()).isEqualTo(Instant.EPOCH);
                claim.recordRun(run);
            });
            inTransaction(factory, em -> assertThat(new JpaComplianceExportClaim(em, "chat2/server").claim())
                    .isEqualTo(run));
        } finally {
            factory.close();
        }
        try (Connection connection = mgccomp.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID, LAST_RUN_BY FROM COMPLIANCE_EXPORT_CLAIM")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("chat1/server");
            assertThat(rows.next()).as("one row").isFalse();
        }
    }

    @Test
    void dropsEverythingAndCanBeCreatedAgain() throws Exception {
        run(mgc, "mgc-drop.sql");
        run(mgccomp, "mgccomp-drop.sql");
        assertThat(tablesOf(mgc)).isEmpty();
        assertThat(tablesOf(mgccomp)).isEmpty();

        run(mgc, "mgc-drop.sql");
        run(mgc, "mgc-create.sql");
        assertThat(tablesOf(mgc)).contains("CHAT_MESSAGE", "DATABASECHANGELOG");
    }

    private static ComplianceEvent complianceEvent() {
        return ComplianceEvent.of(ComplianceEventType.CHAT, Instant.parse("2026-01-01T10:00:00.123456Z"),
                new ComplianceRoom(UUID.randomUUID().toString(), "ma-chan://example.com/x", "Désk", "Trading", null),
                new ComplianceUser("sip:bob@example.com", "Bob", 7, true), 3, "日本語 😀");
    }

    private static ComplianceEvent outboxEvent(String roomUid) {
        return new ComplianceEvent(new UUID(0, 1).toString(), ComplianceEventType.CHAT,
                Instant.parse("2026-01-01T10:00:00.123456Z"),
                new ComplianceRoom(roomUid, "ma-chan://example.com/" + roomUid, "Desk", "Trading", "Désk ünicode"),
                new ComplianceUser("sip:bob@example.com", "Bob", 7, true), 1, "日本語 and emoji 😀");
    }

    /** The unit with EclipseLink's SQL Server platform, so tests issue the SQL production issues. */
    private static EntityManagerFactory mappingOnScriptedSchema(String unit, TestDatabase database) {
        Map<String, Object> properties = database.jpaProperties();
        properties.put("eclipselink.target-database", H2AsSqlServerPlatform.class.getName());
        return Persistence.createEntityManagerFactory(unit, properties);
    }

    private static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The script without comments, in upper case. */
    private static String code(String script) throws IOException {
        return Files.readString(SqlServerScripts.DIRECTORY.resolve(script)).replaceAll("(?m)^--.*$", "")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * Runs a script the way sqlcmd does: batches end with GO lines; statements end with a
     * semicolon at the end of a line (changeset descriptions hold semicolons inside quotes).
     */
    private static void run(TestDatabase database, String script) throws IOException, SQLException {
        String text = Files.readString(SqlServerScripts.DIRECTORY.resolve(script)).replaceAll("(?m)^--.*$", "");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String batch : text.split("(?m)^\\s*GO\\s*$")) {
                for (String sql : batch.split("(?m);\\s*$")) {
                    if (!sql.isBlank()) {
                        statement.execute(NOT_IN_H2.matcher(sql.strip()).replaceAll(""));
                    }
                }
            }
        }
    }

    private static SchemaSnapshot snapshot(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaSnapshot.of(connection);
        }
    }

    /** The changesets the database recorded, as file::id::author. */
    private static List<String> recorded(TestDatabase database) throws SQLException {
        List<String> changeSets = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                changeSets.add(rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3));
            }
        }
        return changeSets;
    }

    private static List<String> tablesOf(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
