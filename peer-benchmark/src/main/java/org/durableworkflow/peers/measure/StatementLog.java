package org.durableworkflow.peers.measure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's statement log, on for a span of the benchmark: every statement an engine's sessions sent to its
 * database, counted by kind. Turning it on changes the database server's settings ({@code ALTER SYSTEM}; {@link
 * #turnOff} resets {@code log_statement} and {@code log_line_prefix} to the server's configuration files, whatever an
 * earlier {@code ALTER SYSTEM} had set), so it runs in a phase of its own, apart from the timed ones. This project's
 * own count is taken the same way ({@code PostgresRoundTripsBenchmark}). Round trips the log does not show: a
 * connection pool's validation of a connection by the driver's {@code isValid} (an empty query, which PostgreSQL
 * does not log; HikariCP sends one when it hands out a connection idle for over half a second).
 */
public final class StatementLog {

    private static final Path LOG = Path.of(System.getProperty("peers.pg.log",
            "/var/log/postgresql/postgresql-15-main.log"));
    private static final Pattern TABLE = Pattern.compile("(?:FROM|INTO|UPDATE)\\s+([\\w.\"]+)");

    private final PeerDatabase db;
    private final String mark = "peer-statements-" + System.nanoTime();
    private final long logOffset;

    private StatementLog(PeerDatabase db, long logOffset) {
        this.db = db;
        this.logOffset = logOffset;
    }

    /** What the log is on for. */
    public interface Span {
        void run() throws Exception;
    }

    /**
     * Runs {@code span} with the log on and returns the statements of {@code db}'s sessions during it, by kind; the
     * log is off again when this returns or throws.
     */
    public static Map<String, Integer> around(PeerDatabase db, Span span) throws Exception {
        StatementLog log = start(db);
        try {
            span.run();
        } catch (Exception | Error e) {
            turnOff(e);
            throw e;
        }
        log.stop();
        return log.count();
    }

    /**
     * Turns the log on, each line prefixed with its database's and its session's application name, and marks where
     * the span begins; on any failure turns it off again.
     */
    private static StatementLog start(PeerDatabase db) throws Exception {
        StatementLog log = new StatementLog(db, Files.size(LOG));
        try {
            admin("ALTER SYSTEM SET log_statement = 'all'",
                    "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d [%a] '", "SELECT pg_reload_conf()");
            Thread.sleep(1000); // idle sessions take the reloaded settings with their next statement
            admin("SELECT '" + log.mark + "-start'");
            return log;
        } catch (Exception | Error e) {
            turnOff(e);
            throw e;
        }
    }

    /** Marks the span's end and turns the log off. */
    private void stop() throws Exception {
        try {
            admin("SELECT '" + mark + "-end'");
        } catch (Exception | Error e) {
            turnOff(e);
            throw e;
        }
        turnOff(null);
    }

    /** The database's statements between the marks, by kind, the benchmark's own reads left out. */
    private Map<String, Integer> count() throws IOException {
        Pattern statement = Pattern.compile("\\[\\d+] " + Pattern.quote(db.name())
                + " \\[(.*?)] LOG:  (?:execute [^:]+|statement): (.*)$");
        List<String> lines = linesSinceStart();
        Map<String, Integer> kinds = new TreeMap<>();
        boolean inSpan = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(mark + "-start")) {
                inSpan = true;
            } else if (line.contains(mark + "-end")) {
                return kinds;
            } else if (inSpan) {
                Matcher m = statement.matcher(line);
                if (!m.find() || m.group(1).equals(PeerDatabase.HARNESS)) continue;
                StringBuilder sql = new StringBuilder(m.group(2));
                // a statement of several lines goes on in lines that begin with a tab
                for (int next = i + 1; next < lines.size() && lines.get(next).startsWith("\t"); next++) {
                    sql.append(' ').append(lines.get(next).strip());
                }
                kinds.merge(kind(sql.toString()), 1, Integer::sum);
            }
        }
        throw new IllegalStateException("the marks of the span are not in " + LOG + "; is that PostgreSQL's log?");
    }

    /** The log as written since {@link #start} (not the whole file, which only grows), bad bytes replaced. */
    private List<String> linesSinceStart() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            long from = Math.min(logOffset, file.length());
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The statement's verb and first table: {@code INSERT ORDER_OUTBOX}, {@code BEGIN}. */
    private static String kind(String sql) {
        String text = sql.strip().toUpperCase();
        Matcher table = TABLE.matcher(text);
        return text.split("\\s+")[0] + (table.find() ? " " + table.group(1).replace("\"", "") : "");
    }

    /** Resets the two settings; a failure to is added to {@code failure} when there is one, thrown otherwise. */
    private static void turnOff(Throwable failure) throws SQLException {
        try {
            admin("ALTER SYSTEM RESET log_statement", "ALTER SYSTEM RESET log_line_prefix", "SELECT pg_reload_conf()");
        } catch (SQLException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }

    private static void admin(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PeerDatabase.adminUrl(), PeerDatabase.USER,
                PeerDatabase.PASSWORD); Statement s = c.createStatement()) {
            for (String each : sql) s.execute(each);
        }
    }
}
