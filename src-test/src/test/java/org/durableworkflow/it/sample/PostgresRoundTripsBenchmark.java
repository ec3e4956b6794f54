package org.durableworkflow.it.sample;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Counts the statements the server sends per complete order workflow (each one round trip, but for a {@code BEGIN},
 * which travels with its transaction's first statement), from PostgreSQL's own statement log ({@link StatementLog}).
 * Not part of the test suite: it changes the database server's settings while it runs (docs/BENCHMARKS.md).
 */
class PostgresRoundTripsBenchmark {

    @Test
    void statementsPerCompleteWorkflow() throws Exception {
        int n = 200;
        try (SampleLoad load = SampleLoad.onPostgres(SampleServer.pgServerA(),
                SampleLoad.withBenchSettings(Map.of()), 16)
                .inProcess(true)) {
            load.startAll("warm-up", 1000, 1000);
            load.notifyAll("warm-up", 1000);
            load.awaitAllCompleted();
            StatementLog.on();
            try {
                StatementLog.mark("dwf-round-trips-start");
                load.startAll("measured", n, n);
                load.notifyAll("measured", n);
                load.awaitAllCompleted();
                StatementLog.mark("dwf-round-trips-end");
            } finally {
                StatementLog.off();
            }
        }
        Map<String, Integer> kinds = StatementLog.countBetween("dwf-round-trips-start", "dwf-round-trips-end");
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        SampleLoad.report("%.1f statements per complete workflow (%d for %d workflows, the sweep's and timers' own"
                + " polls included)", total / (double) n, total, n);
        kinds.forEach((kind, count) -> SampleLoad.report("  %5.2f  %s", count / (double) n, kind));
        // a BEGIN travels with its transaction's first statement (the sample's data source is not XA)
        PeerFigures.put("postgres", Map.of("statements_per_workflow", total / (double) n,
                "round_trips_per_workflow", (total - kinds.getOrDefault("BEGIN", 0)) / (double) n));
    }
}
