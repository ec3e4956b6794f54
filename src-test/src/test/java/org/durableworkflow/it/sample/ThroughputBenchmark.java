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
 * PostgreSQL ({@code -Dbench.db=derby}: embedded Derby), driven first in-process (threads of the server calling the
 * {@code WorkflowClient}, as the peers' benchmarks call their engines), then over HTTP from this JVM; on another kind
 * of server with {@code -Dbench.server} ({@link SampleLoad#chosenServer}). Not part of the
 * test suite: run it on purpose (docs/BENCHMARKS.md). It prints its figures and asserts nothing about them.
 */
class ThroughputBenchmark {

    private static final int CLIENTS = 16;
    private static SampleLoad load;

    @BeforeAll
    static void start() throws Exception {
        load = SampleLoad.onChosenDatabase(Map.of(), CLIENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
    }

    @Test
    void completeWorkflowsAtFullSpeedAndLatencyAtAFixedRate() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", CLIENTS);
        String only = System.getProperty("bench.load", "both"); // -Dbench.load=in-process or http: only that one
        if (!only.equals("http")) {
            figures.putAll(measure(load.inProcess(true), "in-process ", ""));
        }
        if (!only.equals("in-process")) {
            figures.putAll(measure(load.inProcess(false), "http ", "_http"));
        }
        if (load.server() instanceof SampleServer) { // the peer table compares the engines on Liberty
            PeerFigures.put(load.db(), figures);
        }
    }

    /** Every figure with the load as it is set now; the figures' keys end in {@code suffix}. */
    private Map<String, Object> measure(SampleLoad load, String prefix, String suffix) throws Exception {
        run(prefix.trim() + "-warm-up", 3000); // the JIT needs thousands of workflows before the figures settle
        long rssBefore = load.server().jvm().residentBytes();
        long[] statsBefore = settledDatabaseStats();
        long[] cpuBefore = cpuMillis();
        int n = 5000;
        long t0 = System.nanoTime();
        double[] phases = run(prefix.trim() + "-full", n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpuAfter = cpuMillis();
        long[] statsAfter = settledDatabaseStats();
        double[] perWorkflow = new double[4];
        for (int i = 0; i < 4; i++) {
            perWorkflow[i] = (statsAfter[i] - statsBefore[i]) / (double) n;
        }
        SampleLoad.report("%s%d complete workflows in %.1f s: %.0f workflows/s (start and notify %s)", prefix, n,
                seconds, n / seconds, load.how());
        if (load.postgres()) {
            SampleLoad.report("%sper workflow: %.1f commits, %.1f rows inserted, %.1f rows updated, %.1f rows"
                    + " deleted", prefix, perWorkflow[0], perWorkflow[1], perWorkflow[2], perWorkflow[3]);
        }
        SampleLoad.report("%sCPU ms per workflow: server %.2f%s, PostgreSQL %.2f, this JVM %.2f (of %.2f ms of"
                        + " wall time per workflow on 2 cores)", prefix, (cpuAfter[0] - cpuBefore[0]) / (double) n,
                load.postgres() ? "" : " (with the embedded Derby)", (cpuAfter[1] - cpuBefore[1]) / (double) n,
                (cpuAfter[2] - cpuBefore[2]) / (double) n, 2000 * seconds / n);
        SampleLoad.report("%sserver RSS %.0f MB before, %.0f MB after", prefix, rssBefore / 1e6,
                load.server().jvm().residentBytes() / 1e6);

        double[] atRate = load.notifyLatencies(prefix.trim() + "-rate", 1000, 100, 1000);
        SampleLoad.report("%snotify -> resumed at 100 notifies/s: %s (%s)", prefix, SampleLoad.percentiles(atRate),
                load.resumedMeans());
        double[] atFullSpeed = load.notifyLatencies(prefix.trim() + "-burst", 2000, SampleLoad.FULL_SPEED, 2000);
        SampleLoad.report("%snotify -> resumed, 2,000 notifies at full speed: %s", prefix,
                SampleLoad.percentiles(atFullSpeed));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n" + suffix, n);
        figures.put("start_per_s" + suffix, Math.round(phases[0] * 10) / 10.0);
        figures.put("notify_to_complete_per_s" + suffix, Math.round(phases[1] * 10) / 10.0);
        figures.put("complete_per_s" + suffix, Math.round(n / seconds * 10) / 10.0);
        if (load.postgres()) {
            figures.put("commits_per_workflow" + suffix, Math.round(perWorkflow[0] * 10) / 10.0);
            figures.put("rows_written_per_workflow" + suffix,
                    Math.round(perWorkflow[1] + perWorkflow[2] + perWorkflow[3]));
            figures.put("rows_inserted_per_workflow" + suffix, Math.round(perWorkflow[1]));
            figures.put("rows_updated_per_workflow" + suffix, Math.round(perWorkflow[2]));
            figures.put("rows_deleted_per_workflow" + suffix, Math.round(perWorkflow[3]));
        }
        figures.putAll(PeerFigures.percentiles("latency_fixed" + suffix, atRate));
        figures.putAll(PeerFigures.percentiles("latency_full" + suffix, atFullSpeed));
        return figures;
    }

    /** Starts {@code n} orders, waits until all wait, notifies them all, waits until all completed; both rates. */
    private double[] run(String prefix, int n) throws Exception {
        long t0 = System.nanoTime();
        load.startAll(prefix, n, n);
        long t1 = System.nanoTime();
        load.notifyAll(prefix, n);
        load.awaitAllCompleted();
        long t2 = System.nanoTime();
        double[] rates = {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)};
        SampleLoad.report("%s: start to waiting %.0f runs/s, notify to completed %.0f runs/s", prefix, rates[0],
                rates[1]);
        return rates;
    }

    /** CPU milliseconds used so far by the server, by PostgreSQL (0 on Derby) and by this JVM. */
    private static long[] cpuMillis() throws Exception {
        return new long[]{load.server().jvm().cpuMillis(), load.postgres() ? CpuTime.ofPostgres() : 0,
                CpuTime.ofThisJvm()};
    }

    /**
     * Commits, rows inserted, updated and deleted in the database so far; zeros on Derby. PostgreSQL 15 publishes a
     * busy backend's counts up to a second late and an idle one's up to ten ({@code PGSTAT_IDLE_INTERVAL}), and the
     * server's pool keeps its connections open after the load: read after 11 s, or a short phase loses its last
     * second's counts and gains those of the phase before (1.8 commits per workflow instead of 2 in a phase of 4 s).
     */
    private static long[] settledDatabaseStats() throws Exception {
        if (!load.postgres()) {
            return new long[4];
        }
        Thread.sleep(11_000);
        try (Connection db = DriverManager.getConnection(Postgres.URL, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted"
                     + " FROM pg_stat_database WHERE datname = 'test'")) {
            rows.next();
            return new long[]{rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
        }
    }
}
