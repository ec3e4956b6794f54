package org.durableworkflow.peers.measure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.durableworkflow.peers.order.Outbox;

/**
 * A PostgreSQL database used by one peer alone, dropped and created afresh before each phase so that phases never
 * see each other's rows or counters. Administration goes through the database {@code test}, which is not measured.
 */
public final class PeerDatabase {

    private static final String HOST = System.getProperty("peers.pg.host", "127.0.0.1:5432");
    private static final String ADMIN_DB = System.getProperty("peers.pg.adminDb", "test");
    public static final String USER = System.getProperty("peers.pg.user", "postgres");
    public static final String PASSWORD = System.getProperty("peers.pg.password", "");

    /** The application name of the benchmark's own connection ({@link #count}). */
    public static final String HARNESS = "peer-harness";

    private final String name;
    private Connection harness;

    public PeerDatabase(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url(name);
    }

    private static String url(String db) {
        return "jdbc:postgresql://" + HOST + "/" + db;
    }

    /** Drops the database with whatever is connected to it, creates it empty with the outbox table. */
    public void recreate() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD)) {
            Outbox.create(c);
        }
    }

    public void drop() throws SQLException {
        closeHarness();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public HikariDataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url());
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /**
     * The database's commits and the rows written to its tables (the catalogs left out). PostgreSQL 15 publishes a
     * busy backend's counts up to a second late and an idle one's up to ten, but all of them when it exits: read
     * this with the engine closed, after a second for its backends to exit.
     */
    public PgStats stats() throws SQLException, InterruptedException {
        Thread.sleep(1000);
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT (SELECT xact_commit FROM pg_stat_database"
                        + " WHERE datname = current_database()),"
                        + " coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0)"
                        + " FROM pg_stat_user_tables")) {
            rs.next();
            return new PgStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /**
     * A count the benchmark itself reads (how many runs wait or have completed), on a connection of its own named
     * {@link #HARNESS}, so that the statement log can leave these reads out of the engine's statements.
     */
    public synchronized int count(String sql) throws SQLException {
        if (harness == null || harness.isClosed()) {
            harness = DriverManager.getConnection(url() + "?ApplicationName=" + HARNESS, USER, PASSWORD);
        }
        try (Statement s = harness.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The database the benchmark works from, to create and drop the peers' and to change the server's settings. */
    public static String adminUrl() {
        return url(ADMIN_DB);
    }

    /** Closes the benchmark's own connection, if open ({@link #count} opens it again). */
    public synchronized void closeHarness() throws SQLException {
        if (harness != null) harness.close();
        harness = null;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), USER, PASSWORD);
    }
}
