package org.durableworkflow.it.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own statement log, for benchmarks that count the statements a sample server sends: {@link #on} sets
 * {@code log_statement = 'all'} and a log prefix with the application name, which the sample's connections set
 * ({@code DB_APPLICATION_NAME}); {@link #off} resets both. It changes the database server's settings meanwhile, so
 * only benchmarks use it, never the suite.
 */
final class StatementLog {

    static final String APPLICATION = "durable-workflow-sample"; // the sample's DB_APPLICATION_NAME
    private static final Path LOG = Path.of(System.getProperty("pg.log",
            "/var/log/postgresql/postgresql-15-main.log"));
    private static final Pattern STATEMENT = Pattern.compile(
            "\\[\\d+] " + APPLICATION + " \\S*LOG:  (?:execute [^:]+|statement): (.*)$");

    private StatementLog() {
    }

    /** Logs every statement, each with its application's name; the servers' sessions pick it up within a second. */
    static void on() throws Exception {
        setLogging("'all'", "'%m [%p] %a '");
        Thread.sleep(1000);
    }

    static void off() throws Exception {
        setLogging(null, null);
    }

    /** The sample's statements between two marks, counted by verb and table. */
    static Map<String, Integer> countBetween(String startMark, String endMark) throws Exception {
        List<String> lines = Files.readAllLines(LOG);
        int start = lastIndexOf(lines, startMark);
        int end = lastIndexOf(lines, endMark);
        Map<String, Integer> kinds = new TreeMap<>();
        for (String line : lines.subList(start + 1, end)) {
            Matcher statement = STATEMENT.matcher(line);
            if (statement.find()) {
                kinds.merge(kind(statement.group(1)), 1, Integer::sum);
            }
        }
        return kinds;
    }

    /** The statement's verb and table: {@code INSERT DWF_STEP}, {@code SELECT WLPTASK}, {@code COMMIT}. */
    private static String kind(String sql) {
        String text = sql.trim().toUpperCase();
        String verb = text.split("\\s+")[0];
        Matcher table = Pattern.compile("(?:FROM|INTO|UPDATE)\\s+([\\w.]+)").matcher(text);
        return table.find() ? verb + " " + table.group(1) : verb;
    }

    private static int lastIndexOf(List<String> lines, String mark) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(mark) && !lines.get(i).contains(APPLICATION)) {
                return i;
            }
        }
        throw new IllegalStateException(mark + " is not in " + LOG + "; is that PostgreSQL's log?");
    }

    /** Writes {@code mark} into the log, from a connection that is not the sample's. */
    static void mark(String mark) throws Exception {
        execute("SELECT '" + mark + "'");
    }

    /** Sets (or, with nulls, resets) the statement log and the log prefix, and reloads the configuration. */
    private static void setLogging(String statements, String prefix) throws Exception {
        execute(statements == null ? "ALTER SYSTEM RESET log_statement" : "ALTER SYSTEM SET log_statement = "
                + statements);
        execute(prefix == null ? "ALTER SYSTEM RESET log_line_prefix" : "ALTER SYSTEM SET log_line_prefix = "
                + prefix);
        execute("SELECT pg_reload_conf()");
    }

    private static void execute(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(Postgres.URL, "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
