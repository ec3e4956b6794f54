package org.durableworkflow.it.sample;

import org.junit.jupiter.api.Test;

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
 * Counts the statements the server sends per complete order workflow (each one round trip, but for a {@code BEGIN},
 * which travels with its transaction's first statement), from
 * PostgreSQL's own statement log: for the run of this benchmark it sets {@code log_statement = 'all'} and a log
 * prefix with the application name, which the sample's connections set, and resets both at the end. Not part of
 * the test suite: it changes the database server's settings while it runs (docs/BENCHMARKS.md).
 */
class PostgresRoundTripsBenchmark {

    private static final String APPLICATION = "durable-workflow-sample"; // the sample's DB_APPLICATION_NAME
    private static final Path LOG = Path.of(System.getProperty("pg.log",
            "/var/log/postgresql/postgresql-15-main.log"));
    private static final Pattern STATEMENT = Pattern.compile(
            "\\[\\d+] " + APPLICATION + " \\S*LOG:  (?:execute [^:]+|statement): (.*)$");

    @Test
    void statementsPerCompleteWorkflow() throws Exception {
        int n = 200;
        try (SampleLoad load = SampleLoad.onPostgres(SampleServer.pgServerA(),
                SampleLoad.withBenchSettings(Map.of()), 16)
                .inProcess(true)) {
            load.startAll("warm-up", 1000, 1000);
            load.notifyAll("warm-up", 1000);
            load.awaitAllCompleted();
            setLogging("'all'", "'%m [%p] %a '");
            try {
                Thread.sleep(1000); // the servers' sessions pick up the reloaded settings
                mark("dwf-round-trips-start");
                load.startAll("measured", n, n);
                load.notifyAll("measured", n);
                load.awaitAllCompleted();
                mark("dwf-round-trips-end");
            } finally {
                setLogging(null, null);
            }
        }
        Map<String, Integer> kinds = countBetweenMarks();
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        SampleLoad.report("%.1f statements per complete workflow (%d for %d workflows, the sweep's and timers' own"
                + " polls included)", total / (double) n, total, n);
        kinds.forEach((kind, count) -> SampleLoad.report("  %5.2f  %s", count / (double) n, kind));
        // a BEGIN travels with its transaction's first statement (the sample's data source is not XA)
        PeerFigures.put("postgres", Map.of("statements_per_workflow", total / (double) n,
                "round_trips_per_workflow", (total - kinds.getOrDefault("BEGIN", 0)) / (double) n));
    }

    private static Map<String, Integer> countBetweenMarks() throws Exception {
        List<String> lines = Files.readAllLines(LOG);
        int start = lastIndexOf(lines, "dwf-round-trips-start");
        int end = lastIndexOf(lines, "dwf-round-trips-end");
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

    private static void mark(String mark) throws Exception {
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
