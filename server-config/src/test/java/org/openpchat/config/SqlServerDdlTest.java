package org.openpchat.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceOutbox;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceStore;
import org.openpchat.chat.infrastructure.persistence.JpaMessageRepository;
import org.openpchat.chat.infrastructure.persistence.JpaRoomRepository;
import org.openpchat.chat.infrastructure.security.JpaCredentialStore;

/**
 * The SQL Server DDL a DBA runs: it loads in H2's MSSQLServer mode, covers every table and
 * column of the JPA mapping, uses production types, drops cleanly, and the real mapping works
 * on the schema it creates.
 */
class SqlServerDdlTest {

    private static final Path SCRIPTS = Path.of("sql/sqlserver");

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    private Connection connection;

    @BeforeEach
    void createSchema() throws Exception {
        connection = DriverManager.getConnection(url);
        run("mgc-create.sql");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void coversEveryTableAndColumnOfTheMapping(@TempDir Path generated) throws Exception {
        SqlServerDdlGenerator.main(new String[] {generated.toString()});
        Map<String, Set<String>> expected = tablesIn(Files.readString(generated.resolve("mgc-create.sql")));
        assertThat(expected).containsKeys("ROOM", "CHAT_MESSAGE", "PRINCIPAL", "COMPLIANCE_OUTBOX");
        assertThat(columnsInDatabase()).isEqualTo(expected);
    }

    @Test
    void usesProductionTypes() throws IOException {
        String script = Files.readString(SCRIPTS.resolve("mgc-create.sql"));
        String code = script.replaceAll("(?m)--.*$", "");
        assertThat(code).doesNotContainPattern("(?<!N)VARCHAR\\(").doesNotContain("NUMERIC(")
                .doesNotContainPattern("\\bTEXT\\b").doesNotContain("DATETIME ");
        assertThat(code).contains("CONTENT NVARCHAR(MAX) NOT NULL");
        assertThat(Pattern.compile("\\bID BIGINT IDENTITY NOT NULL").matcher(code).results().count()).isEqualTo(11);
    }

    @Test
    void theMappingWorksOnTheScriptedSchema() {
        EntityManagerFactory factory = mappingOnScriptedSchema();
        try {
            String[] roomUid = new String[1];
            inTransaction(factory, em -> {
                Principal group = Principal.group(PrincipalId.group("traders"), "Tradérs ünicode");
                group.addMember(PrincipalId.user("bob@example.com"));
                em.persist(group);
                em.persist(Principal.user(PrincipalId.user("bob@example.com"), "Bob"));
                new JpaCredentialStore(em, new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl()).setPassword(PrincipalId.user("bob@example.com"), "Passw0rd!");
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
                        p -> new org.openpchat.chat.domain.principal.Affiliations(Set.of(PrincipalId.group("traders"))));
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
                assertThat(new JpaCredentialStore(em, new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl()).verifyPassword(PrincipalId.user("bob@example.com"),
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
    void dropsEverythingAndCanBeCreatedAgain() throws Exception {
        run("mgc-drop.sql");
        assertThat(columnsInDatabase()).isEmpty();
        run("mgc-drop.sql");
        run("mgc-create.sql");
        assertThat(columnsInDatabase()).containsKey("CHAT_MESSAGE");
    }

    @Test
    void complianceScriptCoversTheMgccompMappingWithProductionTypes(@TempDir Path generated) throws Exception {
        try (Connection mgccomp = DriverManager.getConnection(url.replace("mem:", "mem:comp-"))) {
            run(mgccomp, "mgccomp-create.sql");
            SqlServerDdlGenerator.main(new String[] {generated.toString()});
            Map<String, Set<String>> expected = tablesIn(Files.readString(generated.resolve("mgccomp-create.sql")));
            assertThat(expected).containsOnlyKeys("COMPLIANCE_EVENT");
            assertThat(columnsIn(mgccomp)).isEqualTo(expected);
            String code = Files.readString(SCRIPTS.resolve("mgccomp-create.sql")).replaceAll("(?m)--.*$", "");
            assertThat(code).doesNotContainPattern("(?<!N)VARCHAR\\(").doesNotContain("NUMERIC(")
                    .contains("CONTENT NVARCHAR(MAX) NULL").contains("OCCURRED_AT DATETIME2 NOT NULL");
            run(mgccomp, "mgccomp-drop.sql");
            assertThat(columnsIn(mgccomp)).isEmpty();
        }
    }

    @Test
    void theComplianceMappingWorksOnTheScriptedSchema() throws Exception {
        String compUrl = url.replace("mem:", "mem:comp-");
        try (Connection mgccomp = DriverManager.getConnection(compUrl)) {
            run(mgccomp, "mgccomp-create.sql");
            EntityManagerFactory factory = mappingOnScriptedSchema("mgccomp", compUrl);
            try {
                ComplianceEvent event = ComplianceEvent.of(ComplianceEventType.CHAT,
                        Instant.parse("2026-01-01T10:00:00.123456Z"),
                        new ComplianceRoom(UUID.randomUUID().toString(), "ma-chan://example.com/x", "Désk", "Trading",
                                null),
                        new ComplianceUser("sip:bob@example.com", "Bob", 7, true), 3, "日本語 😀");
                inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).storeOnce(event)).isTrue());
                inTransaction(factory, em -> assertThat(new JpaComplianceStore(em).unprocessed(5))
                        .extracting(s -> s.event()).containsExactly(event));
            } finally {
                factory.close();
            }
        }
    }

    private static ComplianceEvent outboxEvent(String roomUid) {
        return new ComplianceEvent(new UUID(0, 1).toString(), ComplianceEventType.CHAT,
                Instant.parse("2026-01-01T10:00:00.123456Z"),
                new ComplianceRoom(roomUid, "ma-chan://example.com/" + roomUid, "Desk", "Trading", "Désk ünicode"),
                new ComplianceUser("sip:bob@example.com", "Bob", 7, true), 1, "日本語 and emoji 😀");
    }

    private EntityManagerFactory mappingOnScriptedSchema() {
        return mappingOnScriptedSchema("mgc", url);
    }

    private static EntityManagerFactory mappingOnScriptedSchema(String unit, String jdbcUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
        properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.target-database", H2AsSqlServerPlatform.class.getName());
        properties.put("eclipselink.logging.level", "WARNING");
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

    /** Runs a script the way sqlcmd does: batches separated by GO lines. */
    private void run(String script) throws IOException, SQLException {
        run(connection, script);
    }

    private static void run(Connection target, String script) throws IOException, SQLException {
        String text = Files.readString(SCRIPTS.resolve(script));
        try (Statement statement = target.createStatement()) {
            for (String batch : text.split("(?m)^\\s*GO\\s*$")) {
                for (String sql : statementsOf(batch)) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static List<String> statementsOf(String batch) {
        List<String> statements = new ArrayList<>();
        for (String part : batch.replaceAll("(?m)--.*$", "").split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private Map<String, Set<String>> columnsInDatabase() throws SQLException {
        return columnsIn(connection);
    }

    private static Map<String, Set<String>> columnsIn(Connection target) throws SQLException {
        Map<String, Set<String>> tables = new HashMap<>();
        try (ResultSet rows = target.getMetaData().getColumns(null, "PUBLIC", "%", "%")) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString("TABLE_NAME"), t -> new TreeSet<>())
                        .add(rows.getString("COLUMN_NAME"));
            }
        }
        return tables;
    }

    private static Map<String, Set<String>> tablesIn(String generatedDdl) {
        Map<String, Set<String>> tables = new HashMap<>();
        Matcher table = Pattern.compile("CREATE TABLE (\\w+) \\((.*)\\) go").matcher(generatedDdl);
        while (table.find()) {
            Set<String> columns = new TreeSet<>();
            for (String column : table.group(2).split(", (?=[A-Z_0-9]+ )")) {
                String name = column.strip().split(" ")[0];
                if (!name.equals("PRIMARY")) {
                    columns.add(name.toUpperCase(Locale.ROOT));
                }
            }
            tables.put(table.group(1), columns);
        }
        return tables;
    }
}
