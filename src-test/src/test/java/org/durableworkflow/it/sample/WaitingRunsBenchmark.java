package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What 100,000 waiting runs cost one server on PostgreSQL ({@code -Dbench.db=derby}: embedded Derby), against 1,000:
 * heap after a full collection, resident memory, threads, and notify latency at a fixed rate; first, the same
 * server with no application and then with the sample and no run, for what the application server costs alone and
 * what the sample adds. Not part of the test
 * suite: run it on purpose (docs/BENCHMARKS.md); {@code -Dwaiting.runs=N} changes the large count. It prints its
 * figures, asserts nothing.
 */
class WaitingRunsBenchmark {

    private static final int LARGE = Integer.getInteger("waiting.runs", 100_000);
    private static final int PROBES = 500;
    private static final int PROBE_RATE = 50;
    private static SampleLoad load;

    /** Memory and threads of the server with no application, then with the sample and no run yet. */
    private static final Map<String, Object> BASELINE = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        SampleServer bare = SampleLoad.chosenLibertyServer();
        bare.startWithoutApplications();
        try {
            BASELINE.putAll(footprint(bare, "Liberty with the server's features, no application", "_server_only"));
        } finally {
            bare.stop();
        }
        // called in-process, as the peers' benchmarks call their engines: no HTTP threads grown by the load
        load = SampleLoad.onChosenDatabase(Map.of("ORDER_WAIT_TIMEOUT", "6h"), 16).inProcess(true);
        BASELINE.putAll(footprint(load.server(), "the sample deployed, no run yet", "_idle"));
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
    }

    @Test
    void notifyLatencyAndMemoryWith1000AndWithManyRunsWaiting() throws Exception {
        PeerFigures.put(load.db(), BASELINE);
        load.startAll("warm-up", 1000, 1000);
        load.notifyAll("warm-up", 1000);
        load.awaitAllCompleted();

        load.startAll("small", 1000, 1000);
        Map<String, Object> figures = new LinkedHashMap<>(measure(1000, "probe-small"));

        load.startAll("medium", 9000, 10_000);
        figures.putAll(measure(10_000, "probe-medium"));

        long t0 = System.nanoTime();
        load.startAll("large", LARGE - 10_000, LARGE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        SampleLoad.report("started %d more runs until all waited in %.0f s: %.0f runs/s", LARGE - 10_000, seconds,
                (LARGE - 10_000) / seconds);
        figures.putAll(measure(LARGE, "probe-large"));
        PeerFigures.put(load.db(), figures);
    }

    /** Memory, threads and notify latency with {@code waiting} runs waiting, under keys such as {@code heap_mb_1k}. */
    private Map<String, Object> measure(int waiting, String probes) throws Exception {
        String k = "_" + waiting / 1000 + "k";
        Map<String, Object> figures = footprint(load.server(), waiting + " runs waiting", k);
        double[] latencies = load.notifyLatencies(probes, PROBES, PROBE_RATE, waiting + PROBES);
        SampleLoad.report("%d runs waiting: notify -> resumed at %d notifies/s: %s", waiting, PROBE_RATE,
                SampleLoad.percentiles(latencies));
        load.awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", waiting);
        figures.putAll(PeerFigures.percentiles("latency_waiting" + k, latencies));
        return figures;
    }

    /** Heap after a full collection, resident memory and threads of {@code server}, under keys ending in {@code k}. */
    private static Map<String, Object> footprint(ServerProcess server, String when, String k) throws Exception {
        ServerJvm jvm = server.jvm();
        long heap = jvm.heapUsedAfterGc();
        long rss = jvm.residentBytes();
        int threads = jvm.threads();
        SampleLoad.report("%s: heap after full GC %.1f MB, RSS %.0f MB, %d threads", when, heap / 1e6, rss / 1e6,
                threads);
        String nativeMemory = jvm.nativeMemoryCommitted();
        if (nativeMemory != null) {
            SampleLoad.report("%s: native memory committed: %s", when, nativeMemory);
        }
        saveDetails(jvm, k);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heap_mb" + k, Math.round(heap / 1e5) / 10.0);
        figures.put("rss_mb" + k, Math.round(rss / 1e5) / 10.0);
        figures.put("threads" + k, threads);
        return figures;
    }

    /**
     * With {@code -Dbench.details=DIR}, the class histogram and the thread names of each reading, as
     * {@code DIR/histogram_1k.txt} and {@code DIR/threads_1k.txt}: what to compare when a figure moves.
     */
    private static void saveDetails(ServerJvm jvm, String k) throws Exception {
        String dir = System.getProperty("bench.details");
        if (dir != null) {
            Path details = Files.createDirectories(Path.of(dir));
            Files.writeString(details.resolve("histogram" + k + ".txt"), jvm.classHistogram());
            Files.write(details.resolve("threads" + k + ".txt"), jvm.threadNames());
        }
    }
}
