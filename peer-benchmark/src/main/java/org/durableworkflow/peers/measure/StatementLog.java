package org.durableworkflow.peers.measure;

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
 * database, counted by kind. Turning it on changes the database server's settings ({@code ALTER SYSTEM}, reset by
 * {@link #stop}), so it runs in a phase of its own, apart from the timed ones. This project's own count is taken
 * the same way ({@code PostgresRoundTripsBenchmark}).
 */
public final class StatementLog {

    private static final Path LOG = Path.of(System.getProperty("peers.pg.log",
            "/var/log/postgresql/postgresql-15-main.log"));
    private static final Pattern TABLE = Pattern.compile("(?:FROM|INTO|UPDATE)\\s+([\\w.\"]+)");

    private final PeerDatabase db;
    private final String mark = "peer-statements-" + System.nanoTime();

    private StatementLog(PeerDatabase db) {
        this.db = db;
    }

    /**
     * Turns the log on, each line prefixed with its database's and its session's application name, and marks where
     * the span begins.
     */
    public static StatementLog start(PeerDatabase db) throws Exception {
        StatementLog log = new StatementLog(db);
        log.admin("ALTER SYSTEM SET log_statement = 'all'", "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d [%a] '",
                "SELECT pg_reload_conf()");
        Thread.sleep(1000); // idle sessions take the reloaded settings with their next statement
        log.admin("SELECT '" + log.mark + "-start'");
        return log;
    }

    /** Marks the span's end, turns the log off, and counts the database's statements in between by kind. */
    public Map<String, Integer> stop() throws Exception {
        try {
            admin("SELECT '" + mark + "-end'");
        } finally {
            admin("ALTER SYSTEM RESET log_statement", "ALTER SYSTEM RESET log_line_prefix", "SELECT pg_reload_conf()");
        }
        // the benchmark's own reads (PeerDatabase.count) left out
        Pattern statement = Pattern.compile("\\[\\d+] " + db.name() + " \\[(?!" + PeerDatabase.HARNESS
                + "])[^]]*] LOG:  (?:execute [^:]+|statement): (.*)$");
        List<String> lines = Files.readAllLines(LOG);
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
                if (!m.find()) continue;
                StringBuilder sql = new StringBuilder(m.group(1));
                // a statement of several lines goes on in lines that begin with a tab
                for (int next = i + 1; next < lines.size() && lines.get(next).startsWith("\t"); next++) {
                    sql.append(' ').append(lines.get(next).strip());
                }
                kinds.merge(kind(sql.toString()), 1, Integer::sum);
            }
        }
        throw new IllegalStateException("the marks of the span are not in " + LOG + "; is that PostgreSQL's log?");
    }

    /** The statement's verb and first table: {@code INSERT ORDER_OUTBOX}, {@code BEGIN}. */
    private static String kind(String sql) {
        String text = sql.strip().toUpperCase();
        Matcher table = TABLE.matcher(text);
        return text.split("\\s+")[0] + (table.find() ? " " + table.group(1).replace("\"", "") : "");
    }

    private void admin(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PeerDatabase.adminUrl(), PeerDatabase.USER,
                PeerDatabase.PASSWORD); Statement s = c.createStatement()) {
            for (String each : sql) s.execute(each);
        }
    }
}
