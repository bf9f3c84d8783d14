package org.openpchat.chat.infrastructure.schema;

import java.util.List;
import java.util.Map;
import org.openpchat.chat.infrastructure.schema.SchemaSnapshot.Column;
import org.openpchat.chat.infrastructure.schema.SchemaSnapshot.ForeignKey;
import org.openpchat.chat.infrastructure.schema.SchemaSnapshot.Index;
import org.openpchat.chat.infrastructure.schema.SchemaSnapshot.Table;

/**
 * The schema the changelogs make, written as the schema EclipseLink derives from the mapping plus
 * what the changelogs add on purpose (the production schema of the former SQL Server scripts):
 * primary keys on the principal lists, foreign keys from history, invitations and message
 * counters to their room, an index on a room's category, check constraints on the values the
 * domain accepts, 64-bit ids on PostgreSQL (EclipseLink makes them SERIAL there) and, in the SQL
 * Server script, NVARCHAR(MAX) for text longer than 4000 characters. Nothing else may differ.
 */
public final class SchemaBeyondMapping {

    /** Where the schema is read. */
    public enum Target {
        H2,
        POSTGRESQL,
        /** The generated SQL Server script, run on H2 in MSSQLServer mode. */
        SQL_SERVER_SCRIPT_ON_H2
    }

    /** NVARCHAR(MAX) as H2 reports it. */
    private static final int H2_MAX_LENGTH = 1_000_000_000;
    private static final int SQL_SERVER_MAX_NVARCHAR = 4000;

    /** Principal lists (element collections): table, owner column, value column. */
    private static final List<List<String>> PRINCIPAL_LISTS = List.of(
            List.of("GROUP_MEMBER", "GROUP_ID", "MEMBER_KEY"),
            List.of("CATEGORY_ALLOWED", "CATEGORY_ID", "PRINCIPAL_KEY"),
            List.of("CATEGORY_DENIED", "CATEGORY_ID", "PRINCIPAL_KEY"),
            List.of("CATEGORY_CREATOR", "CATEGORY_ID", "PRINCIPAL_KEY"),
            List.of("ROOM_MEMBER", "ROOM_ID", "PRINCIPAL_KEY"),
            List.of("ROOM_MANAGER", "ROOM_ID", "PRINCIPAL_KEY"),
            List.of("ROOM_PRESENTER", "ROOM_ID", "PRINCIPAL_KEY"));
    private static final List<String> ROOM_REFERENCES = List.of("CHAT_MESSAGE", "INVITATION", "ROOM_MESSAGE_COUNTER");
    private static final Map<String, List<String>> MGC_CHECKS = Map.of(
            "ROOM", List.of("CK_ROOM_PRIVACY", "CK_ROOM_TYPE", "CK_ROOM_INVITATIONS"),
            "CHAT_CONFIGURATION", List.of("CK_CHAT_CONFIGURATION_HISTORY"),
            "COMPLIANCE_CONFIGURATION", List.of("CK_COMPLIANCE_CONFIGURATION_INTERVAL"));
    private static final Map<String, List<String>> MGCCOMP_CHECKS = Map.of(
            "COMPLIANCE_EVENT", List.of("CK_COMPLIANCE_EVENT_TYPE"));

    private SchemaBeyondMapping() {
    }

    /** The schema the changelog must make on the target, given the mapping's schema on H2 or PostgreSQL. */
    public static SchemaSnapshot expected(SchemaSnapshot mapping, SchemaChangelog changelog, Target target) {
        SchemaSnapshot schema = mapping.mutableCopy();
        if (changelog == SchemaChangelog.MGC) {
            for (List<String> list : PRINCIPAL_LISTS) {
                Table table = schema.tables().get(list.get(0));
                table.columns().computeIfPresent(list.get(1), (name, c) -> new Column(c.type(), c.length(), false, c.identity()));
                table.primaryKey().addAll(List.of(list.get(1), list.get(2)));
            }
            for (String name : ROOM_REFERENCES) {
                schema.tables().get(name).foreignKeys().put("FK_" + name + "_ROOM_ID",
                        new ForeignKey(List.of("ROOM_ID"), "ROOM", List.of("ID")));
            }
            schema.tables().get("ROOM").indexes().put("IX_ROOM_CATEGORY", new Index(List.of("CATEGORY_ID"), false));
            if (target == Target.POSTGRESQL) { // history search's trigram index (GIN, on an expression)
                schema.tables().get("CHAT_MESSAGE").indexes().put("IX_CHAT_MESSAGE_CONTENT_TRGM",
                        new Index(List.of("LOWER((CONTENT)::TEXT)"), false));
            }
            MGC_CHECKS.forEach((table, checks) -> schema.tables().get(table).checks().addAll(checks));
        } else {
            MGCCOMP_CHECKS.forEach((table, checks) -> schema.tables().get(table).checks().addAll(checks));
        }
        for (Table table : schema.tables().values()) {
            table.columns().replaceAll((name, column) -> adjusted(column, target));
        }
        return schema;
    }

    private static Column adjusted(Column column, Target target) {
        if (target == Target.POSTGRESQL && column.identity() && column.type().equals("INTEGER")) {
            return new Column("BIGINT", null, column.nullable(), true);
        }
        if (target == Target.SQL_SERVER_SCRIPT_ON_H2 && column.type().equals("VARCHAR")
                && column.length() > SQL_SERVER_MAX_NVARCHAR) {
            return new Column("VARCHAR", H2_MAX_LENGTH, column.nullable(), column.identity());
        }
        return column;
    }
}
