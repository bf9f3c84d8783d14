package org.openpchat.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the PostgreSQL databases for mgc and mgccomp ('ensure'), or drops and creates them
 * ('recreate', for tests). Usage: PostgresDatabases ensure|recreate host port user db..., with the
 * login's password in the environment variable PCHAT_PG_PASSWORD (a command line is visible to
 * every local user).
 */
public final class PostgresDatabases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    public static void main(String[] args) throws SQLException {
        String password = System.getenv("PCHAT_PG_PASSWORD");
        if (args.length < 5 || !List.of("ensure", "recreate").contains(args[0]) || password == null) {
            System.err.println("usage: PCHAT_PG_PASSWORD=... PostgresDatabases ensure|recreate host port user database...");
            System.exit(2);
        }
        boolean recreate = args[0].equals("recreate");
        String url = "jdbc:postgresql://" + args[1] + ":" + args[2] + "/postgres";
        List<String> databases = Arrays.asList(args).subList(4, args.length);
        try (Connection connection = DriverManager.getConnection(url, args[3], password)) {
            for (String database : databases) {
                prepare(connection, database, recreate);
            }
        }
    }

    static void prepare(Connection connection, String database, boolean recreate) throws SQLException {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + database);
        }
        try (Statement statement = connection.createStatement()) {
            if (recreate) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            if (!exists(connection, database)) {
                statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                System.out.println("created database " + database);
            } else {
                System.out.println("database " + database + " exists");
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
