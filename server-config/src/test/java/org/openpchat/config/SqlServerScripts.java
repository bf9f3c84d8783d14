package org.openpchat.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;

/**
 * Generates the SQL Server scripts a DBA runs (server-config/sql/sqlserver) from the changelogs in
 * chat-ejb: {@code <unit>-create.sql} is Liquibase's offline SQL for SQL Server (the tables, and
 * the DATABASECHANGELOG rows that tell the server the schema is current), {@code <unit>-drop.sql}
 * drops the tables the changelog makes, newest first. The output is stable: no run time, fixed
 * deployment id. {@link SqlServerScriptsTest} fails when the checked-in scripts differ; it
 * rewrites them with {@code -Dsqlserver.scripts=write}.
 */
final class SqlServerScripts {

    static final Path DIRECTORY = Path.of("sql/sqlserver");

    /** Lines of Liquibase's banner that change with every run or say nothing to a DBA. */
    private static final Pattern LIQUIBASE_BANNER = Pattern.compile(
            "(?m)^-- (\\*+|Update Database Script|Change Log: .*|Ran at: .*|Against: .*|Liquibase version: .*)\\n");
    /** Liquibase keeps a table's inline foreign keys in a HashSet: their order varies between runs. */
    private static final Pattern INLINE_FOREIGN_KEY = Pattern.compile(
            "CONSTRAINT \\w+ FOREIGN KEY \\([^)]*\\) REFERENCES \\w+\\([^)]*\\)");
    /** The deployment id Liquibase records with each changeset; normally the run time. */
    private static final String DEPLOYMENT_ID = "0000000000";

    private SqlServerScripts() {
    }

    /** File name to content, for mgc and mgccomp. */
    static Map<String, String> generate() {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (SchemaChangelog changelog : List.of(SchemaChangelog.MGC, SchemaChangelog.MGCCOMP)) {
            scripts.put(changelog.unit() + "-create.sql", createScript(changelog));
            scripts.put(changelog.unit() + "-drop.sql", dropScript(changelog));
        }
        return scripts;
    }

    static void write() throws IOException {
        for (Map.Entry<String, String> script : generate().entrySet()) {
            Files.writeString(DIRECTORY.resolve(script.getKey()), script.getValue());
        }
    }

    private static String createScript(SchemaChangelog changelog) {
        ByteArrayOutputStream sql = new ByteArrayOutputStream();
        inOfflineSqlServer(changelog, database -> new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                .setOutput(sql)
                .execute());
        String body = LIQUIBASE_BANNER.matcher(sql.toString(StandardCharsets.UTF_8)).replaceAll("").lines()
                .map(SqlServerScripts::withForeignKeysSorted).collect(Collectors.joining("\n"));
        return header(changelog, "create", """
                -- Run once in an empty database, as its owner, with sqlcmd or SSMS (batches end with GO):
                --   sqlcmd -S <server> -d %s -i %s-create.sql
                -- It creates the tables and records the changesets in DATABASECHANGELOG, which the
                -- server checks at start (it refuses to start on a database that lacks some).
                """.formatted(changelog.unit(), changelog.unit())) + body.replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static String withForeignKeysSorted(String line) {
        List<String> keys = INLINE_FOREIGN_KEY.matcher(line).results().map(MatchResult::group).toList();
        if (keys.size() < 2) {
            return line;
        }
        Iterator<String> sorted = keys.stream().sorted().iterator();
        return INLINE_FOREIGN_KEY.matcher(line).replaceAll(match -> Matcher.quoteReplacement(sorted.next()));
    }

    private static String dropScript(SchemaChangelog changelog) {
        List<String> tables = new ArrayList<>();
        inOfflineSqlServer(changelog, database -> {
            ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(changelog.path(), resources)
                    .parse(changelog.path(), new ChangeLogParameters(database), resources);
            DbmsChangeSetFilter forSqlServer = new DbmsChangeSetFilter(database);
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (forSqlServer.accepts(changeSet).isAccepted()) {
                    changeSet.getChanges().forEach(change -> trackTables(change, tables));
                }
            }
            return null;
        });
        StringBuilder sql = new StringBuilder(header(changelog, "drop", """
                -- Removes every table of the changelog (all their rows are lost), newest first so that no
                -- foreign key stands in the way, and Liquibase's tables. IF EXISTS makes a partial schema
                -- droppable too.
                """));
        for (int i = tables.size() - 1; i >= 0; i--) {
            sql.append("DROP TABLE IF EXISTS ").append(tables.get(i)).append(";\n");
        }
        sql.append("DROP TABLE IF EXISTS DATABASECHANGELOG;\nDROP TABLE IF EXISTS DATABASECHANGELOGLOCK;\nGO\n");
        return sql.toString();
    }

    private static void trackTables(Change change, List<String> tables) {
        if (change instanceof CreateTableChange create) {
            tables.add(create.getTableName());
        } else if (change instanceof DropTableChange drop) {
            tables.remove(drop.getTableName());
        } else if (change instanceof RenameTableChange rename) {
            tables.set(tables.indexOf(rename.getOldTableName()), rename.getNewTableName());
        }
    }

    private static String header(SchemaChangelog changelog, String action, String text) {
        return "-- Persistent Chat " + (changelog == SchemaChangelog.MGC ? "content" : "compliance") + " database ("
                + changelog.unit() + "), " + action + " script for Microsoft SQL Server 2016 or later.\n"
                + "-- Generated from chat-ejb/src/main/resources/" + changelog.path() + " by server-config's\n"
                + "-- SqlServerScripts; do not edit (README, \"Databases\", says how to regenerate).\n"
                + text + "\n";
    }

    private static void inOfflineSqlServer(SchemaChangelog changelog, OfflineWork work) {
        try {
            Path history = Files.createTempFile("pchat-" + changelog.unit() + "-", ".csv");
            try {
                Map<String, Object> scope = new HashMap<>(SchemaChangelog.liquibaseScope());
                scope.put(Scope.Attr.deploymentId.name(), DEPLOYMENT_ID);
                scope.put(Scope.Attr.lineSeparator.name(), "\n");
                Scope.child(scope, () -> {
                    Files.delete(history); // offline mode starts from no history: an empty database
                    Database database = DatabaseFactory.getInstance().openDatabase(
                            "offline:mssql?outputLiquibaseSql=all&changeLogFile=" + history, null, null, null,
                            Scope.getCurrentScope().getResourceAccessor());
                    work.run(database);
                });
            } finally {
                SchemaChangelog.forgetDatabaseState();
                Files.deleteIfExists(history);
            }
        } catch (Exception e) {
            throw new IllegalStateException("SQL Server script of " + changelog + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface OfflineWork {
        Object run(Database database) throws Exception;
    }
}
