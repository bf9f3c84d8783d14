package org.openpchat.chat.infrastructure.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An empty database of its own for one test: in-memory H2 in a given compatibility mode, or a
 * PostgreSQL database at 127.0.0.1:5432 (user postgres, trust, as on the build machines) made
 * for the test and dropped by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String POSTGRES_USER = "postgres";

    private final Kind kind;
    private final String url;
    private final String user;
    private final String name;

    private TestDatabase(Kind kind, String url, String user, String name) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.name = name;
    }

    /** H2 in the mode the server uses (LEGACY). */
    public static TestDatabase h2() {
        return h2("LEGACY");
    }

    public static TestDatabase h2(String mode) {
        String name = UUID.randomUUID().toString();
        return new TestDatabase(Kind.H2, "jdbc:h2:mem:" + name + ";MODE=" + mode + ";DB_CLOSE_DELAY=-1", "sa", name);
    }

    public static TestDatabase postgres() {
        String name = "pchat_liquibase_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed: " + e.getMessage(), e);
        }
        return new TestDatabase(Kind.POSTGRESQL, POSTGRES + name, POSTGRES_USER, name);
    }

    public static TestDatabase of(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Java SE settings for a persistence unit of persistence.xml on this database. */
    public Map<String, Object> jpaProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.level", "WARNING");
        return properties;
    }

    @Override
    public void close() throws SQLException {
        if (kind == Kind.H2) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        } else {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
