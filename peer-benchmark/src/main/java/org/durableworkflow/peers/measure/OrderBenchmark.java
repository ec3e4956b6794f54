package org.durableworkflow.peers.measure;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.durableworkflow.peers.order.OrderPeer;
import org.durableworkflow.peers.order.Probe;

/**
 * The phases of the side-by-side benchmark, the same for every peer. Each phase runs on a freshly created database
 * and a freshly opened engine, in this JVM; run numbers are unique across phases.
 */
public final class OrderBenchmark {

    /** The wait's timeout where the notify is meant to win. */
    private static final Duration LONG_WAIT = Duration.ofMinutes(10);
    /** The wait's timeout while filling memory with waiting runs, which may take longer than ten minutes. */
    private static final Duration FILL_WAIT = Duration.ofHours(6);
    private static final Duration SHORT_WAIT = Duration.ofSeconds(5);
    /** Timeout runs start at this rate, so their deadlines spread over any poll cycle of the peer's timers. */
    private static final double TIMEOUT_STARTS_PER_S = 20;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int FILL_CHUNK = 1000;
    /** Workflows whose statements are counted, as many as this project's count (PostgresRoundTripsBenchmark). */
    private static final int STATEMENT_RUNS = 200;

    private final OrderPeer peer;
    private final Figures figures;
    private final BenchmarkSettings settings;
    private final PeerDatabase db;
    private final Probe probe = new Probe();
    private final Load load;
    private int nextRun = 1;

    public OrderBenchmark(OrderPeer peer, Figures figures, BenchmarkSettings settings) {
        this.peer = peer;
        this.figures = figures;
        this.settings = settings;
        this.db = new PeerDatabase(peer.database());
        this.load = new Load(settings.clients());
    }

    public void run() throws Exception {
        figures.put("peer", peer.name());
        figures.put("version", peer.version());
        figures.put("n", settings.n());
        figures.put("jvm", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> !a.startsWith("-D")).toList())
                + " (Java " + Runtime.version() + ")");
        figures.put("clients", settings.clients());
        // the JVM before any engine was opened: what each engine adds to its host is the rest
        recordMemory("_host");
        try {
            if (settings.warmup() > 0) phase("warm-up", () -> completeWorkflows(settings.warmup(), 0, false));
            PgStats used = phase("complete workflows", () -> completeWorkflows(settings.n(), 0, true));
            perWorkflow(used, settings.n());
            phase("statements", () -> statements(STATEMENT_RUNS));
            phase("latency at 100 notifies/s", () -> latencyAtFixedRate(settings.n()));
            phase("timeouts", () -> timeouts(200));
            phase("waiting runs", this::waitingRuns);
        } finally {
            load.close();
            db.drop();
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs a phase on a fresh database and engine; returns what the database counted from open to close. */
    private PgStats phase(String name, Body body) throws Exception {
        log(name + "...");
        long t0 = System.nanoTime();
        db.recreate();
        PgStats before = db.stats();
        probe.reset();
        peer.open(db, probe);
        try {
            body.run();
        } finally {
            peer.close();
            db.closeHarness(); // its counts published before they are read
        }
        PgStats used = db.stats().minus(before);
        log(name + " done in " + Math.round(seconds(System.nanoTime() - t0)) + " s");
        figures.write();
        return used;
    }

    /**
     * Start, complete and latency at full speed: start N, wait until all wait, notify all, until all finish;
     * {@code finishedBefore} runs of the phase have finished before.
     */
    private void completeWorkflows(int count, int finishedBefore, boolean record) throws Exception {
        int first = take(count);
        long[] notifiedAt = new long[count];
        long t0 = System.nanoTime();
        load.fullSpeed(first, first + count, run -> peer.start(run, LONG_WAIT));
        long allWaiting = Load.await(peer::waiting, count, Duration.ofMinutes(10), POLL);
        long notifyStart = System.nanoTime();
        load.fullSpeed(first, first + count, run -> {
            notifiedAt[run - first] = System.nanoTime();
            peer.notify(run);
        });
        Load.await(probe::finishedCount, finishedBefore + count, Duration.ofMinutes(10), Duration.ofMillis(5));
        long done = Load.await(peer::completed, finishedBefore + count, Duration.ofMinutes(1), POLL);
        if (!record) return;
        figures.put("start_per_s", count / seconds(allWaiting - t0));
        Percentiles latency = latencies(first, notifiedAt);
        figures.put("latency_full_p50", latency.at(50));
        figures.put("latency_full_p99", latency.at(99));
        figures.put("latency_full_max", latency.max());
        figures.put("complete_per_s", count / seconds(done - t0));
        figures.put("notify_to_complete_per_s", count / seconds(done - notifyStart));
    }

    /** What the database did for the workflows of a phase, engine start and background polling included. */
    private void perWorkflow(PgStats used, int count) {
        figures.put("commits_per_workflow", used.commits() / (double) count);
        figures.put("rows_written_per_workflow", used.rowsWritten() / (double) count);
        figures.put("rows_inserted_per_workflow", used.inserted() / (double) count);
        figures.put("rows_updated_per_workflow", used.updated() / (double) count);
        figures.put("rows_deleted_per_workflow", used.deleted() / (double) count);
    }

    /**
     * Statements per complete workflow, read from PostgreSQL's statement log for {@code count} workflows after as many
     * unlogged ones (the engine's first statements, schema and caches, left out), its background polls included as in
     * the commits. Round trips are the statements less each transaction's {@code BEGIN}, which the driver sends with
     * the transaction's first statement; none of the engines batches statements on this workflow's path.
     */
    private void statements(int count) throws Exception {
        completeWorkflows(count, 0, false);
        Map<String, Integer> kinds;
        try {
            kinds = StatementLog.around(db, () -> completeWorkflows(count, count, false));
        } catch (Exception e) {
            log("statements not counted (the other phases go on): " + e);
            return;
        }
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        figures.put("statements_per_workflow", total / (double) count);
        figures.put("round_trips_per_workflow", (total - kinds.getOrDefault("BEGIN", 0)) / (double) count);
        kinds.forEach((kind, n) -> log(String.format("statements per workflow: %6.2f %s", n / (double) count, kind)));
    }

    /** Latency at a fixed rate: every run waits, then notifies come at 100 a second. */
    private void latencyAtFixedRate(int count) throws Exception {
        int first = take(count);
        long[] notifiedAt = new long[count];
        load.fullSpeed(first, first + count, run -> peer.start(run, LONG_WAIT));
        Load.await(peer::waiting, count, Duration.ofMinutes(10), POLL);
        load.paced(first, first + count, 100, run -> {
            notifiedAt[run - first] = System.nanoTime();
            peer.notify(run);
        });
        Load.await(probe::finishedCount, count, Duration.ofMinutes(5), Duration.ofMillis(5));
        Percentiles latency = latencies(first, notifiedAt);
        figures.put("latency_fixed_p50", latency.at(50));
        figures.put("latency_fixed_p99", latency.at(99));
        figures.put("latency_fixed_max", latency.max());
    }

    /** Runs whose wait times out: how late the timeout branch runs after the deadline. */
    private void timeouts(int count) throws Exception {
        int first = take(count);
        load.paced(first, first + count, TIMEOUT_STARTS_PER_S, run -> peer.start(run, SHORT_WAIT));
        Load.await(probe::finishedCount, count, Duration.ofMinutes(3), Duration.ofMillis(20));
        // The engine's own state too: a timer whose commit conflicted has run its step and will run again.
        Load.await(peer::completed, count, Duration.ofMinutes(1), POLL);
        List<Double> late = new ArrayList<>();
        for (int run = first; run < first + count; run++) {
            late.add((double) (probe.timedOutMillis(run) - probe.waitBeganMillis(run) - SHORT_WAIT.toMillis()));
        }
        Percentiles p = new Percentiles(late);
        figures.put("timeout_late_p50_ms", p.at(50));
        figures.put("timeout_late_p99_ms", p.at(99));
        figures.put("timeout_late_max_ms", p.max());
    }

    /** Heap, resident memory and threads with 1,000, 10,000 and 100,000 runs waiting (or as set). */
    private void waitingRuns() throws Exception {
        probe.recording(false);
        int waiting = 0;
        for (int target : settings.waitingSteps()) {
            String k = "_" + (target % 1000 == 0 ? target / 1000 + "k" : Integer.toString(target));
            long t0 = System.nanoTime();
            try {
                waiting = fill(waiting, target, t0 + settings.fillCap().toNanos());
            } catch (TimeoutException e) {
                figures.put("fill_s" + k, seconds(System.nanoTime() - t0));
                figures.put("waiting_reached" + k, peer.waiting());
                log("waiting runs: " + e.getMessage() + "; stopping this phase");
                // What the runs reached hold, apart from the figures of a step reached in full.
                recordMemory("_reached");
                return;
            }
            figures.put("fill_s" + k, seconds(System.nanoTime() - t0));
            recordMemory(k);
            log(target + " waiting");
        }
    }

    private void recordMemory(String suffix) throws Exception {
        load.endThreads();
        ProcessMemory m = ProcessMemory.now();
        figures.put("heap_mb" + suffix, m.heapMb());
        figures.put("rss_mb" + suffix, m.rssMb());
        figures.put("threads" + suffix, m.threads());
        figures.write();
        log("memory" + suffix + ": " + m);
        String nativeMemory = NativeMemory.committed();
        if (nativeMemory != null) {
            log("native memory committed" + suffix + ": " + nativeMemory);
        }
    }

    /**
     * Starts runs until {@code target} wait, a chunk at a time, each chunk once the previous ones wait: the figure
     * is what waiting runs hold, not how a peer copes with 90,000 starts at once (DBOS's pool of 10 connections
     * times out under that many runs reaching their wait together).
     */
    private int fill(int waiting, int target, long deadline) throws Exception {
        while (waiting < target) {
            int chunk = Math.min(FILL_CHUNK, target - waiting);
            int first = take(chunk);
            int started = load.fullSpeedUntil(first, first + chunk, deadline, run -> peer.start(run, FILL_WAIT));
            if (started < chunk) throw new TimeoutException("started " + (waiting + started) + " of " + target);
            waiting += chunk;
            Load.await(peer::waiting, waiting, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), POLL);
        }
        return waiting;
    }

    private Percentiles latencies(int first, long[] notifiedAt) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < notifiedAt.length; i++) {
            Long resumed = probe.resumedNanos(first + i);
            if (resumed != null) ms.add((resumed - notifiedAt[i]) / 1e6);
        }
        return new Percentiles(ms);
    }

    private int take(int count) {
        int first = nextRun;
        nextRun += count;
        return first;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void log(String message) {
        System.out.println("[" + peer.name() + "] " + message);
    }
}
