package org.openpchat.chat.infrastructure.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * One of the two Liquibase changelogs in {@code db/changelog} (mgc and mgccomp, one per
 * persistence unit): applies it to a database, or lists the changesets a database has not
 * recorded. Liquibase reads the changelogs from this module's class path, logs through
 * java.util.logging and never reports usage over the network.
 */
public final class SchemaChangelog {

    public static final SchemaChangelog MGC = new SchemaChangelog("mgc", "db/changelog/mgc.xml");
    public static final SchemaChangelog MGCCOMP = new SchemaChangelog("mgccomp", "db/changelog/mgccomp.xml");

    /** Liquibase setting; on by default in 4.33, it would fetch its configuration from the internet. */
    public static final String ANALYTICS_SETTING = "liquibase.analytics.enabled";

    private final String unit;
    private final String path;

    private SchemaChangelog(String unit, String path) {
        this.unit = unit;
        this.path = path;
    }

    /** The persistence unit (and database) the changelog is for. */
    public String unit() {
        return unit;
    }

    /** Class path location of the master file, also the prefix of every changeset's file name. */
    public String path() {
        return path;
    }

    /**
     * Applies the changesets the database lacks, in order, under Liquibase's lock table (several
     * servers may start at once). The connection must not take part in a JTA transaction:
     * Liquibase commits itself.
     */
    public void update(Connection connection) {
        withLiquibase(connection, database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, path)
                .execute());
    }

    /**
     * The changesets ({@code file::id::author}) meant for this kind of database that it has not
     * recorded as run, in changelog order. Only reads: it creates no Liquibase table, so it suits
     * a login without DDL rights.
     */
    public List<String> pendingChangeSets(Connection connection) {
        return withLiquibase(connection, database -> {
            List<RanChangeSet> ran = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database).getRanChangeSets();
            return changeSetsFor(database).stream()
                    .filter(changeSet -> ran.stream().noneMatch(done -> done.isSameAs(changeSet)))
                    .map(ChangeSet::toString)
                    .toList();
        });
    }

    /**
     * The changesets ({@code file::id::author}) meant for a kind of database, in changelog order,
     * as Liquibase would apply them to an empty one. The kind is Liquibase's short name (h2,
     * postgresql, mssql).
     */
    public List<String> changeSetsFor(String databaseKind) {
        try {
            return Scope.child(liquibaseScope(), () -> {
                Database offline = DatabaseFactory.getInstance().openDatabase("offline:" + databaseKind, null, null,
                        null, Scope.getCurrentScope().getResourceAccessor());
                return changeSetsFor(offline).stream().map(ChangeSet::toString).toList();
            });
        } catch (Exception e) {
            throw new IllegalStateException("changelog " + path + ": " + e.getMessage(), e);
        }
    }

    private List<ChangeSet> changeSetsFor(Database database) throws LiquibaseException {
        ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
        DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(path, resources)
                .parse(path, new ChangeLogParameters(database), resources);
        DbmsChangeSetFilter forThisDatabase = new DbmsChangeSetFilter(database);
        return changeLog.getChangeSets().stream()
                .filter(changeSet -> forThisDatabase.accepts(changeSet).isAccepted())
                .toList();
    }

    @Override
    public String toString() {
        return path;
    }

    /** Liquibase's settings for every run: where the changelogs are, where messages go, no analytics. */
    public static Map<String, Object> liquibaseScope() {
        return Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaChangelog.class.getClassLoader()),
                Scope.Attr.ui.name(), new LoggerUIService(),
                ANALYTICS_SETTING, false);
    }

    private <T> T withLiquibase(Connection connection, LiquibaseWork<T> work) {
        boolean autoCommit = autoCommitOf(connection);
        try {
            return Scope.child(liquibaseScope(), () -> work.run(
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection))));
        } catch (Exception e) {
            throw new IllegalStateException("changelog " + path + ": " + e.getMessage(), e);
        } finally {
            forgetDatabaseState();
            restoreAutoCommit(connection, autoCommit);
        }
    }

    /**
     * Liquibase keeps what it read of a database (ran changesets, lock state, executors) in
     * JVM-wide singletons; after each run they are cleared, so the next one reads the database again.
     */
    public static void forgetDatabaseState() {
        try {
            Scope.child(liquibaseScope(), () -> {
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
                Scope.getCurrentScope().getSingleton(ExecutorService.class).reset();
                LockServiceFactory.getInstance().resetAll();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase could not be reset: " + e.getMessage(), e);
        }
    }

    private static boolean autoCommitOf(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the connection: " + e.getMessage(), e);
        }
    }

    /** Liquibase switches auto-commit off; a pooled connection goes back as it came. */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // the pool validates and replaces the connection
        }
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Database database) throws Exception;
    }
}
