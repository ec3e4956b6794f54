package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This project's figures in the peer benchmark's result format ({@code peer-benchmark}), so that its chart and
 * table show them beside DBOS's and Flowable's. Each benchmark merges its own keys into one file.
 */
final class PeerFigures {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    private static final Path DIRECTORY = Path.of(System.getProperty("peers.results",
            "../peer-benchmark/target/results"));

    private PeerFigures() {
    }

    /**
     * Adds or replaces {@code figures} in the file of the sample on {@code db} ({@code postgres} or {@code derby}),
     * keeping the other benchmarks' keys.
     */
    @SuppressWarnings("unchecked")
    static synchronized void put(String db, Map<String, Object> figures) throws Exception {
        Path file = DIRECTORY.resolve("durable-workflow-" + db + ".json");
        Map<String, Object> all = new LinkedHashMap<>();
        if (Files.exists(file)) {
            all.putAll(JSON.fromJson(Files.readString(file), LinkedHashMap.class));
        }
        all.put("peer", "durable-workflow-" + db);
        all.put("version", "0.1.0-SNAPSHOT on Open Liberty" + (db.equals("derby") ? " and embedded Derby" : "")
                + ", called in-process");
        all.put("jvm", ServerJvm.description());
        all.putAll(figures);
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, JSON.toJson(all));
        SampleLoad.report("figures written to %s", file.toAbsolutePath().normalize());
    }

    /** p50, p99 and max of sorted milliseconds under {@code prefix_p50} and so on, to 0.1 ms as the peers'. */
    static Map<String, Object> percentiles(String prefix, double[] sorted) {
        int k = sorted.length;
        return Map.of(prefix + "_p50", tenths(sorted[k / 2]), prefix + "_p99", tenths(sorted[k * 99 / 100]),
                prefix + "_max", tenths(sorted[k - 1]));
    }

    private static double tenths(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
