package org.durableworkflow.it.sample;

import org.durableworkflow.impl.store.RunStore;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL at the default address. Tests get a schema of their own and drop it afterwards. Where it is not
 * reachable, the tests are skipped on a developer's machine and fail under CI.
 */
public final class Postgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private Postgres() {
    }

    public static void requireReachable() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
            // reachable
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /** Stops or starts this machine's PostgreSQL cluster with its own control script ({@code stop} or {@code start}). */
    static void control(String action) throws Exception {
        String version = java.nio.file.Files.list(java.nio.file.Path.of("/etc/postgresql")).findFirst().orElseThrow()
                .getFileName().toString();
        Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)
                .inheritIO().start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed");
        }
    }

    /** Creates a fresh schema and returns its name. */
    public static String createSchema() throws SQLException {
        String schema = "dwf_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(URL, "CREATE SCHEMA " + schema);
        return schema;
    }

    /**
     * Creates a fresh schema with the library's tables, as the library installs them, runs {@code fixture} in it
     * (rows to start from, say) and returns its name; skips the test, or fails it under CI, where PostgreSQL is not
     * reachable.
     */
    static String createLibrarySchema(String... fixture) throws Exception {
        requireReachable();
        String schema = createSchema();
        try (InputStream ddl = RunStore.class.getResourceAsStream("/META-INF/durable-workflow/postgresql.sql")) {
            update(schema, new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String statement : fixture) {
            update(schema, statement);
        }
        return schema;
    }

    /**
     * Drops the schema, unless {@code -Dkeep.schema=true} asks to keep it for a look after a failure; {@code null}
     * (a test that failed before creating it) drops nothing.
     */
    public static void dropSchema(String schema) throws SQLException {
        if (schema == null) {
            return;
        }
        if (Boolean.getBoolean("keep.schema")) {
            System.out.println("schema kept: " + schema);
            return;
        }
        execute(URL, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /**
     * The environment of a cluster's server on {@code schema} whose runs are taken over quickly when it dies: the
     * executor runs every execution (none on the caller's thread), a 5 s lease, a sweep every second, and the JVM
     * halting at {@code crashAt} when given.
     */
    static java.util.Map<String, String> quickFailover(String schema, String crashAt) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("DURABLE_WORKFLOW_EXECUTOR_IN_CALLER", "false");
        env.put("DB_URL", urlFor(schema));
        env.put("DURABLE_WORKFLOW_LEASE", "5s");
        env.put("DURABLE_WORKFLOW_RECOVERY_INTERVAL", "1s");
        if (crashAt != null) {
            env.put("DURABLE_WORKFLOW_CRASH_AT", crashAt);
        }
        return env;
    }

    /** The JDBC url that makes {@code schema} the current one. */
    public static String urlFor(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    /** A connection whose current schema is {@code schema}. */
    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(urlFor(schema), USER, "");
    }

    public static long count(String schema, String sql) throws SQLException {
        try (Connection connection = connect(schema);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The rows of {@code sql}, each as its columns' text. */
    public static java.util.List<String[]> rows(String schema, String sql) throws SQLException {
        try (Connection connection = connect(schema);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            java.util.List<String[]> result = new java.util.ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                result.add(row);
            }
            return result;
        }
    }

    /** Runs an UPDATE (or any statement) on {@code schema}. */
    public static void update(String schema, String sql) throws SQLException {
        execute(urlFor(schema), sql);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
