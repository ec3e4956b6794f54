package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample's complete order workflow (start, step, wait, notify, two steps, done) on one Liberty server and
 * PostgreSQL, driven over HTTP from this JVM. Not part of the test suite: run it on purpose (docs/BENCHMARKS.md).
 * It prints its figures and asserts nothing about them.
 */
class PostgresThroughputBenchmark {

    private static final SampleServer SERVER = new SampleServer("pgServerA", 9182);
    private static final int CLIENTS = 16;
    private static SampleLoad load;

    @BeforeAll
    static void start() throws Exception {
        load = SampleLoad.onPostgres(SERVER, Map.of(), CLIENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
    }

    @Test
    void completeWorkflowsAtFullSpeedAndLatencyAtAFixedRate() throws Exception {
        run("warm-up", 3000); // the JIT needs thousands of workflows before the figures settle
        long rssBefore = SERVER.residentBytes();
        long[] statsBefore = databaseStats();
        long[] cpuBefore = cpuMillis();
        int n = 5000;
        long t0 = System.nanoTime();
        double[] phases = run("full", n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpuAfter = cpuMillis();
        Thread.sleep(1500); // PostgreSQL publishes its statistics about once a second
        long[] statsAfter = databaseStats();
        double[] perWorkflow = new double[4];
        for (int i = 0; i < 4; i++) {
            perWorkflow[i] = (statsAfter[i] - statsBefore[i]) / (double) n;
        }
        SampleLoad.report("%d complete workflows in %.1f s: %.0f workflows/s (start, notify and completion all over"
                + " HTTP, %d client threads)", n, seconds, n / seconds, CLIENTS);
        SampleLoad.report("per workflow: %.1f commits, %.1f rows inserted, %.1f rows updated, %.1f rows deleted",
                perWorkflow[0], perWorkflow[1], perWorkflow[2], perWorkflow[3]);
        SampleLoad.report("CPU ms per workflow: server %.2f, PostgreSQL %.2f, load generator %.2f (of %.2f ms of"
                        + " wall time per workflow on 2 cores)", (cpuAfter[0] - cpuBefore[0]) / (double) n,
                (cpuAfter[1] - cpuBefore[1]) / (double) n, (cpuAfter[2] - cpuBefore[2]) / (double) n,
                2000 * seconds / n);
        SampleLoad.report("server RSS %.0f MB before, %.0f MB after", rssBefore / 1e6, SERVER.residentBytes() / 1e6);

        long[] atRate = load.notifyLatencies("rate", 1000, 100, 1000);
        SampleLoad.report("notify -> resumed at 100 notifies/s over HTTP: %s (until the first step after the wait"
                + " is journaled)", SampleLoad.percentiles(atRate));
        long[] atFullSpeed = load.notifyLatencies("burst", 2000, 1_000_000, 2000);
        SampleLoad.report("notify -> resumed, 2,000 notifies at full speed from %d client threads: %s", CLIENTS,
                SampleLoad.percentiles(atFullSpeed));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n", n);
        figures.put("clients", CLIENTS);
        figures.put("start_per_s", Math.round(phases[0] * 10) / 10.0);
        figures.put("notify_to_complete_per_s", Math.round(phases[1] * 10) / 10.0);
        figures.put("complete_per_s", Math.round(n / seconds * 10) / 10.0);
        figures.put("commits_per_workflow", Math.round(perWorkflow[0] * 10) / 10.0);
        figures.put("rows_written_per_workflow", Math.round(perWorkflow[1] + perWorkflow[2] + perWorkflow[3]));
        figures.put("rows_inserted_per_workflow", Math.round(perWorkflow[1]));
        figures.put("rows_updated_per_workflow", Math.round(perWorkflow[2]));
        figures.put("rows_deleted_per_workflow", Math.round(perWorkflow[3]));
        figures.putAll(PeerFigures.percentiles("latency_fixed", atRate));
        figures.putAll(PeerFigures.percentiles("latency_full", atFullSpeed));
        PeerFigures.put(figures);
    }

    /** Starts {@code n} orders, waits until all wait, notifies them all, waits until all completed; both rates. */
    private double[] run(String prefix, int n) throws Exception {
        long t0 = System.nanoTime();
        load.startAll(prefix, n, n);
        long t1 = System.nanoTime();
        load.notifyAll(prefix, n);
        load.awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS <> 'COMPLETED'", 0);
        long t2 = System.nanoTime();
        double[] rates = {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)};
        SampleLoad.report("%s: start to waiting %.0f runs/s, notify to completed %.0f runs/s", prefix, rates[0],
                rates[1]);
        return rates;
    }

    /** CPU milliseconds used so far by the server, by PostgreSQL and by this JVM. */
    private static long[] cpuMillis() throws Exception {
        return new long[]{SERVER.cpuMillis(), CpuTime.ofPostgres(), CpuTime.ofThisJvm()};
    }

    /** Commits, rows inserted, updated and deleted in the database so far. */
    private static long[] databaseStats() throws Exception {
        try (Connection db = DriverManager.getConnection(Postgres.URL, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted"
                     + " FROM pg_stat_database WHERE datname = 'test'")) {
            rows.next();
            return new long[]{rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
        }
    }
}
