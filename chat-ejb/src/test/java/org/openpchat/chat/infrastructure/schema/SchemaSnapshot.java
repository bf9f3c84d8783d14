package org.openpchat.chat.infrastructure.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A database schema as JDBC metadata describes it, in terms every database here shares, so that
 * schemas from H2, PostgreSQL and the SQL Server script (on H2) compare: upper-case names; type
 * families (VARCHAR with its length, BIGINT, INTEGER, BOOLEAN, TIMESTAMP); nullability and
 * identity; primary key columns (its name is not compared: EclipseLink leaves it to the
 * database); unique, foreign key and check constraints by name; indexes by name, without those
 * a database makes for its constraints. Liquibase's own tables are left out.
 */
public record SchemaSnapshot(Map<String, Table> tables) {

    /** H2 names the indexes behind constraints PRIMARY_KEY_x or CONSTRAINTNAME_INDEX_x. */
    private static final Pattern GENERATED_INDEX = Pattern.compile("PRIMARY_KEY_[0-9A-F]+|.+_INDEX_[0-9A-F]+");
    private static final Set<String> LIQUIBASE_TABLES = Set.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

    public record Column(String type, Integer length, boolean nullable, boolean identity) {

        @Override
        public String toString() {
            return type + (length == null ? "" : "(" + length + ")") + (nullable ? " NULL" : " NOT NULL")
                    + (identity ? " IDENTITY" : "");
        }
    }

    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {

        @Override
        public String toString() {
            return columns + " -> " + referencedTable + referencedColumns;
        }
    }

    public record Index(List<String> columns, boolean unique) {

        @Override
        public String toString() {
            return (unique ? "UNIQUE " : "") + columns;
        }
    }

    public record Table(Map<String, Column> columns, List<String> primaryKey, Map<String, List<String>> uniques,
            Map<String, ForeignKey> foreignKeys, Map<String, Index> indexes, Set<String> checks) {

        /** A copy whose maps, sets and lists may be changed. */
        Table mutableCopy() {
            return new Table(new TreeMap<>(columns), new ArrayList<>(primaryKey), new TreeMap<>(uniques),
                    new TreeMap<>(foreignKeys), new TreeMap<>(indexes), new TreeSet<>(checks));
        }
    }

    /** A copy whose tables may be changed. */
    SchemaSnapshot mutableCopy() {
        Map<String, Table> copy = new TreeMap<>();
        tables.forEach((name, table) -> copy.put(name, table.mutableCopy()));
        return new SchemaSnapshot(copy);
    }

    /** Reads the tables of the connection's current schema. */
    public static SchemaSnapshot of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> checks = new TreeMap<>();
        Map<String, Map<String, List<String>>> uniques = new TreeMap<>();
        readConstraints(connection, schema, checks, uniques);
        Map<String, Table> tables = new TreeMap<>();
        for (String table : tableNames(meta, schema)) {
            String name = upper(table);
            Map<String, List<String>> tableUniques = uniques.getOrDefault(name, Map.of());
            List<String> primaryKey = new ArrayList<>();
            Set<String> constraintNames = new TreeSet<>(tableUniques.keySet());
            readPrimaryKey(meta, schema, table, primaryKey, constraintNames);
            tables.put(name, new Table(columns(meta, schema, table), primaryKey, tableUniques,
                    foreignKeys(meta, schema, table), indexes(meta, schema, table, constraintNames),
                    checks.getOrDefault(name, Set.of())));
        }
        return new SchemaSnapshot(tables);
    }

    /** One line per difference ("TABLE.COLUMN: expected ..., found ..."); empty when equal. */
    public List<String> differencesFrom(SchemaSnapshot expected) {
        List<String> differences = new ArrayList<>();
        compareKeys("table", "", expected.tables.keySet(), tables.keySet(), differences);
        for (String name : expected.tables.keySet()) {
            Table want = expected.tables.get(name);
            Table have = tables.get(name);
            if (have == null) {
                continue;
            }
            compareMaps(name + " column ", want.columns, have.columns, differences);
            if (!want.primaryKey.equals(have.primaryKey)) {
                differences.add(name + " primary key: expected " + want.primaryKey + ", found " + have.primaryKey);
            }
            compareMaps(name + " unique ", want.uniques, have.uniques, differences);
            compareMaps(name + " foreign key ", want.foreignKeys, have.foreignKeys, differences);
            compareMaps(name + " index ", want.indexes, have.indexes, differences);
            compareKeys(name + " check", " ", want.checks, have.checks, differences);
        }
        return differences;
    }

    private static <V> void compareMaps(String what, Map<String, V> want, Map<String, V> have, List<String> out) {
        Set<String> names = new TreeSet<>(want.keySet());
        names.addAll(have.keySet());
        for (String name : names) {
            if (!Objects.equals(want.get(name), have.get(name))) {
                out.add(what + name + ": expected " + describe(want.get(name)) + ", found " + describe(have.get(name)));
            }
        }
    }

    private static void compareKeys(String what, String separator, Set<String> want, Set<String> have, List<String> out) {
        want.stream().filter(n -> !have.contains(n)).forEach(n -> out.add(what + separator + n + ": missing"));
        have.stream().filter(n -> !want.contains(n)).forEach(n -> out.add(what + separator + n + ": not expected"));
    }

    private static String describe(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static List<String> tableNames(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", null)) {
            while (rows.next()) {
                String type = rows.getString("TABLE_TYPE");
                String name = rows.getString("TABLE_NAME");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !LIQUIBASE_TABLES.contains(upper(name))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Map<String, Column> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, Column> columns = new TreeMap<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                String type = typeFamily(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"));
                Integer length = type.equals("VARCHAR") ? rows.getInt("COLUMN_SIZE") : null;
                columns.put(upper(rows.getString("COLUMN_NAME")), new Column(type, length,
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    private static String typeFamily(int jdbcType, String typeName) {
        String name;
        try {
            name = JDBCType.valueOf(jdbcType).getName();
        } catch (IllegalArgumentException e) {
            name = typeName;
        }
        return switch (name) {
            case "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR", "CLOB", "NCLOB" -> "VARCHAR";
            case "BIT" -> "BOOLEAN"; // PostgreSQL reports boolean as BIT
            default -> name;
        };
    }

    private static void readPrimaryKey(DatabaseMetaData meta, String schema, String table, List<String> columns,
            Set<String> constraintNames) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                bySequence.put(rows.getInt("KEY_SEQ"), upper(rows.getString("COLUMN_NAME")));
                if (rows.getString("PK_NAME") != null) {
                    constraintNames.add(upper(rows.getString("PK_NAME")));
                }
            }
        }
        columns.addAll(bySequence.values());
    }

    private static Map<String, ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Integer, String[]>> parts = new TreeMap<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                parts.computeIfAbsent(upper(rows.getString("FK_NAME")), k -> new TreeMap<>()).put(rows.getInt("KEY_SEQ"),
                        new String[] {upper(rows.getString("FKCOLUMN_NAME")), upper(rows.getString("PKTABLE_NAME")),
                                upper(rows.getString("PKCOLUMN_NAME"))});
            }
        }
        Map<String, ForeignKey> keys = new TreeMap<>();
        parts.forEach((name, columns) -> keys.put(name, new ForeignKey(
                columns.values().stream().map(c -> c[0]).toList(), columns.firstEntry().getValue()[1],
                columns.values().stream().map(c -> c[2]).toList())));
        return keys;
    }

    private static Map<String, Index> indexes(DatabaseMetaData meta, String schema, String table,
            Set<String> constraintNames) throws SQLException {
        Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                name = upper(name);
                if (constraintNames.contains(name) || GENERATED_INDEX.matcher(name).matches() || name.endsWith("_PKEY")) {
                    continue;
                }
                columns.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"),
                        upper(rows.getString("COLUMN_NAME")));
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, Index> indexes = new TreeMap<>();
        columns.forEach((name, byPosition) -> indexes.put(name, new Index(List.copyOf(byPosition.values()),
                unique.get(name))));
        return indexes;
    }

    /** Unique and check constraints from the standard INFORMATION_SCHEMA (H2 2.x and PostgreSQL have it). */
    private static void readConstraints(Connection connection, String schema, Map<String, Set<String>> checks,
            Map<String, Map<String, List<String>>> uniques) throws SQLException {
        String sql = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, kcu.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND kcu.TABLE_NAME = tc.TABLE_NAME"
                + " WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('UNIQUE', 'CHECK')"
                + " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String table = upper(rows.getString(1));
                    String name = upper(rows.getString(2));
                    if (rows.getString(3).equals("UNIQUE")) {
                        uniques.computeIfAbsent(table, k -> new TreeMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                                .add(upper(rows.getString(4)));
                    } else if (name.startsWith("CK_")) { // PostgreSQL also lists its NOT NULL checks here
                        checks.computeIfAbsent(table, k -> new TreeSet<>()).add(name);
                    }
                }
            }
        }
    }

    private static String upper(String name) {
        return name == null ? null : name.toUpperCase(Locale.ROOT);
    }
}
