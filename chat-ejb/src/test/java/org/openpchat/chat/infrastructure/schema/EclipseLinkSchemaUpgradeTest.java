package org.openpchat.chat.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceEvents;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.infrastructure.compliance.JpaComplianceStore;
import org.openpchat.chat.infrastructure.persistence.JpaCategoryRepository;
import org.openpchat.chat.infrastructure.persistence.JpaMessageRepository;
import org.openpchat.chat.infrastructure.persistence.JpaPrincipalRepository;
import org.openpchat.chat.infrastructure.persistence.JpaRoomRepository;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;
import org.openpchat.chat.infrastructure.schema.TestDatabase.Kind;

/**
 * A database that EclipseLink created (every deployment before the changelog) takes the changelog:
 * its tables are adopted (the table changesets marked as run), the adoption changesets add what
 * EclipseLink did not make, and it ends with exactly the schema of a database the changelog
 * created, its rows intact and the mapping working on it.
 */
class EclipseLinkSchemaUpgradeTest {

    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final PrincipalId TRADERS = PrincipalId.group("traders");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChatDatabaseKeepsItsRowsAndEndsWithTheChangelogsSchema(Kind kind) throws Exception {
        try (TestDatabase existing = TestDatabase.of(kind); TestDatabase fresh = TestDatabase.of(kind)) {
            MappingSchema.createIn(existing, "mgc");
            long oldMessageKey = withMapping(existing, "mgc", EclipseLinkSchemaUpgradeTest::addRoomWithHistory);

            update(existing, SchemaChangelog.MGC);
            update(fresh, SchemaChangelog.MGC);

            assertThat(snapshot(existing).differencesFrom(snapshot(fresh))).isEmpty();
            assertThat(executions(existing)).containsEntry("room", "MARK_RAN").containsEntry("chat-message", "MARK_RAN")
                    .containsEntry("adopt-group-member-key", "EXECUTED").containsEntry("adopt-room-references", "EXECUTED")
                    .containsEntry("adopt-room-category-index", "EXECUTED").containsEntry("adopt-check-constraints", "EXECUTED");
            assertThat(executions(fresh)).containsEntry("room", "EXECUTED").containsEntry("adopt-group-member-key", "MARK_RAN")
                    .containsEntry("adopt-room-references", "MARK_RAN").containsEntry("adopt-check-constraints", "MARK_RAN");
            assertThat(pending(existing, SchemaChangelog.MGC)).isEmpty();

            long newMessageKey = withMapping(existing, "mgc", em -> {
                Room desk = new JpaRoomRepository(em).findByName("Desk").orElseThrow();
                assertThat(desk.members()).containsExactly(TRADERS);
                assertThat(desk.category().allowedMembers()).containsExactly(TRADERS);
                assertThat(new JpaPrincipalRepository(em).groupsDirectlyContaining(BOB)).containsExactly(TRADERS);
                JpaMessageRepository messages = new JpaMessageRepository(em);
                assertThat(messages.newest(desk, 5)).extracting(ChatMessage::content).containsExactly("before the changelog");
                ChatMessage after = new ChatMessage(desk.id(), messages.nextMessageId(desk), BOB, T0.plusSeconds(60),
                        "after the changelog");
                messages.add(after);
                em.flush();
                return keyOf(em, after);
            });
            assertThat(newMessageKey).isGreaterThan(oldMessageKey);
            assertThatThrownBy(() -> execute(existing, "INSERT INTO CHAT_MESSAGE (ROOM_ID, MESSAGE_ID, AUTHOR_KEY,"
                    + " POSTED_AT, CONTENT) VALUES (987654, 1, 'user:bob@example.com', CURRENT_TIMESTAMP, 'no room')"))
                    .as("the adopted foreign key to ROOM").isInstanceOf(SQLException.class);

            Map<String, String> before = executions(existing);
            update(existing, SchemaChangelog.MGC);
            assertThat(executions(existing)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aComplianceDatabaseKeepsItsEventsAndEndsWithTheChangelogsSchema(Kind kind) throws Exception {
        try (TestDatabase existing = TestDatabase.of(kind); TestDatabase fresh = TestDatabase.of(kind)) {
            MappingSchema.createIn(existing, "mgccomp");
            ComplianceEvent chat = ComplianceEvents.event(1, ComplianceEventType.CHAT, ComplianceEvents.DESK,
                    ComplianceEvents.BOB, 4, "日本語 😀");
            withMapping(existing, "mgccomp", em -> new JpaComplianceStore(em).storeOnce(chat));

            update(existing, SchemaChangelog.MGCCOMP);
            update(fresh, SchemaChangelog.MGCCOMP);

            assertThat(snapshot(existing).differencesFrom(snapshot(fresh))).isEmpty();
            assertThat(executions(existing)).containsEntry("compliance-event", "MARK_RAN")
                    .containsEntry("adopt-check-constraints", "EXECUTED");
            assertThat(pending(existing, SchemaChangelog.MGCCOMP)).isEmpty();
            withMapping(existing, "mgccomp", em -> {
                JpaComplianceStore store = new JpaComplianceStore(em);
                assertThat(store.ofRoom(ComplianceEvents.DESK.uid())).extracting(s -> s.event()).containsExactly(chat);
                assertThat(store.storeOnce(chat)).isFalse();
                return null;
            });
            assertThatThrownBy(() -> execute(existing, "UPDATE COMPLIANCE_EVENT SET EVENT_TYPE = 'GOSSIP'"))
                    .as("the adopted check of the event type").isInstanceOf(SQLException.class);
        }
    }

    private static long addRoomWithHistory(EntityManager em) {
        Principal traders = Principal.group(TRADERS, "Traders");
        traders.addMember(BOB);
        new JpaPrincipalRepository(em).add(traders);
        Category trading = new Category("Trading", "desk");
        trading.modifyAllowedMembers(AccessList.adding(TRADERS));
        new JpaCategoryRepository(em).add(trading);
        Room desk = new Room("Desk", trading, T0);
        desk.modifyMembers(AccessList.adding(TRADERS), p -> new Affiliations(Set.of(TRADERS)));
        new JpaRoomRepository(em).add(desk);
        JpaMessageRepository messages = new JpaMessageRepository(em);
        ChatMessage message = new ChatMessage(desk.id(), messages.nextMessageId(desk), BOB, T0, "before the changelog");
        messages.add(message);
        em.flush();
        return keyOf(em, message);
    }

    private static long keyOf(EntityManager em, ChatMessage message) {
        return ((Number) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(message)).longValue();
    }

    private static <T> T withMapping(TestDatabase database, String unit, Function<EntityManager, T> work) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, database.jpaProperties());
        try {
            return ResourceLocalTransactions.inTransaction(factory, work);
        } finally {
            factory.close();
        }
    }

    private static void update(TestDatabase database, SchemaChangelog changelog) throws SQLException {
        try (Connection connection = database.connect()) {
            changelog.update(connection);
        }
    }

    private static java.util.List<String> pending(TestDatabase database, SchemaChangelog changelog) throws SQLException {
        try (Connection connection = database.connect()) {
            return changelog.pendingChangeSets(connection);
        }
    }

    private static SchemaSnapshot snapshot(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaSnapshot.of(connection);
        }
    }

    /** Changeset id to how it was recorded: EXECUTED or MARK_RAN. */
    static Map<String, String> executions(TestDatabase database) throws SQLException {
        Map<String, String> executions = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID, EXECTYPE FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                executions.put(rows.getString(1), rows.getString(2));
            }
        }
        return executions;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
