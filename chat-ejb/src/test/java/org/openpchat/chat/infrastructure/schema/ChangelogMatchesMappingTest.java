package org.openpchat.chat.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpchat.chat.infrastructure.schema.SchemaBeyondMapping.Target;
import org.openpchat.chat.infrastructure.schema.TestDatabase.Kind;

/**
 * Each changelog makes the schema the JPA mapping expects (the tables, columns, types, lengths,
 * nullability, identities, unique constraints, indexes and foreign keys EclipseLink derives from
 * it), plus only the additions {@link SchemaBeyondMapping} lists, on H2 and on PostgreSQL.
 */
class ChangelogMatchesMappingTest {

    static Stream<Arguments> databasesAndChangelogs() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(SchemaChangelog.MGC, SchemaChangelog.MGCCOMP)
                .map(changelog -> Arguments.of(kind, changelog)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("databasesAndChangelogs")
    void theChangelogMakesTheMappingsSchemaAndItsListedAdditions(Kind kind, SchemaChangelog changelog) throws Exception {
        try (TestDatabase mappingDatabase = TestDatabase.of(kind); TestDatabase changelogDatabase = TestDatabase.of(kind)) {
            SchemaSnapshot mapping = MappingSchema.of(mappingDatabase, changelog.unit());
            SchemaSnapshot applied = applied(changelog, changelogDatabase);

            assertThat(mapping.tables()).isNotEmpty();
            assertThat(applied.differencesFrom(SchemaBeyondMapping.expected(mapping, changelog, target(kind))))
                    .isEmpty();
        }
    }

    /** The comparison is not blind: the plain mapping differs from the changelog in exactly the listed ways. */
    @Test
    void theComparisonSeesEveryKindOfAddition() throws Exception {
        try (TestDatabase mappingDatabase = TestDatabase.h2(); TestDatabase changelogDatabase = TestDatabase.h2()) {
            SchemaSnapshot mapping = MappingSchema.of(mappingDatabase, "mgc");
            SchemaSnapshot applied = applied(SchemaChangelog.MGC, changelogDatabase);

            assertThat(applied.differencesFrom(mapping)).contains(
                    "GROUP_MEMBER column GROUP_ID: expected BIGINT NULL, found BIGINT NOT NULL",
                    "GROUP_MEMBER primary key: expected [], found [GROUP_ID, MEMBER_KEY]",
                    "CHAT_MESSAGE foreign key FK_CHAT_MESSAGE_ROOM_ID: expected none, found [ROOM_ID] -> ROOM[ID]",
                    "ROOM index IX_ROOM_CATEGORY: expected none, found [CATEGORY_ID]",
                    "ROOM check CK_ROOM_PRIVACY: not expected").hasSize(7 * 2 + 3 + 1 + 5);
        }
    }

    @Test
    void theMappingsNamedConstraintsAndIndexesAreSeen() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            SchemaSnapshot.Table events = applied(SchemaChangelog.MGCCOMP, database).tables().get("COMPLIANCE_EVENT");

            assertThat(events.uniques()).containsEntry("UQ_COMPLIANCE_EVENT_ID", java.util.List.of("EVENT_ID"));
            assertThat(events.indexes()).containsOnlyKeys("IX_COMPLIANCE_EVENT_PENDING", "IX_COMPLIANCE_EVENT_ROOM");
            assertThat(events.columns().get("ID")).isEqualTo(new SchemaSnapshot.Column("BIGINT", null, false, true));
            assertThat(events.columns().get("CONTENT")).isEqualTo(new SchemaSnapshot.Column("VARCHAR", 8000, true, false));
            assertThat(events.columns().get("OCCURRED_AT")).isEqualTo(new SchemaSnapshot.Column("TIMESTAMP", null, false, false));
            assertThat(events.columns().get("PROCESSED")).isEqualTo(new SchemaSnapshot.Column("BOOLEAN", null, false, false));
        }
    }

    static SchemaSnapshot applied(SchemaChangelog changelog, TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            changelog.update(connection);
            return SchemaSnapshot.of(connection);
        }
    }

    private static Target target(Kind kind) {
        return kind == Kind.H2 ? Target.H2 : Target.POSTGRESQL;
    }
}
