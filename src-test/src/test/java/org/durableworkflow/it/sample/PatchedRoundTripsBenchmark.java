package org.durableworkflow.it.sample;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * What {@code WorkflowContext.patched} costs in the database: the statements per complete workflow of two workflows
 * alike but for a {@code patched} call before their wait ({@link PatchProbe}), counted from PostgreSQL's statement log
 * ({@link StatementLog}), and their difference by kind. Not part of the suite (docs/BENCHMARKS.md).
 */
class PatchedRoundTripsBenchmark {

    private static final int RUNS = 200;

    @Test
    void statementsOfAPatchedWorkflowAgainstThePlainOne() throws Exception {
        SampleServer server = SampleServer.pgServerA();
        server.deployWith(PatchProbe.class, PatchProbe.Steps.class);
        String schema = server.startDeployedOnNewSchema(Map.of());
        try {
            runAll(server, schema, "patch-probe-plain", "warm-up"); // classes loaded, plans cached
            runAll(server, schema, "patch-probe-patched", "warm-up");
            StatementLog.on();
            try {
                for (String workflow : new String[] {"patch-probe-plain", "patch-probe-patched"}) {
                    StatementLog.mark("dwf-" + workflow + "-start");
                    runAll(server, schema, workflow, "measured");
                    StatementLog.mark("dwf-" + workflow + "-end");
                }
            } finally {
                StatementLog.off();
            }
        } finally {
            server.stop();
            Postgres.dropSchema(schema);
        }
        Map<String, Integer> plain = StatementLog.countBetween("dwf-patch-probe-plain-start",
                "dwf-patch-probe-plain-end");
        Map<String, Integer> patched = StatementLog.countBetween("dwf-patch-probe-patched-start",
                "dwf-patch-probe-patched-end");
        Map<String, Integer> kinds = new TreeMap<>(plain);
        patched.keySet().forEach(kind -> kinds.putIfAbsent(kind, 0));
        SampleLoad.report("PATCH-BENCH statements per complete workflow over %d runs each: plain %.2f, patched %.2f",
                RUNS, total(plain) / (double) RUNS, total(patched) / (double) RUNS);
        kinds.keySet().forEach(kind -> SampleLoad.report("PATCH-BENCH  %-24s plain %5.2f  patched %5.2f", kind,
                plain.getOrDefault(kind, 0) / (double) RUNS, patched.getOrDefault(kind, 0) / (double) RUNS));
    }

    /** Starts {@value #RUNS} runs of {@code workflow}, waits until all wait, notifies each, waits until all end. */
    private static void runAll(SampleServer server, String schema, String workflow, String phase) throws Exception {
        String prefix = workflow + "-" + phase + "-";
        for (int i = 0; i < RUNS; i++) {
            server.post("/workflow/workflows/" + workflow + "/runs", "\"" + prefix + i + "\"", "application/json");
        }
        awaitCount(schema, "SELECT COUNT(*) FROM DWF_WAITER WHERE STATE = 'WAITING' AND EVENT_ID LIKE 'probe-"
                + prefix + "%'", RUNS);
        for (int i = 0; i < RUNS; i++) {
            server.post("/workflow/v2/notify/probe-" + prefix + i, "\"go\"", "text/plain");
        }
        awaitCount(schema, "SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED' AND INPUT_JSON LIKE '%"
                + prefix + "%'", RUNS);
    }

    private static void awaitCount(String schema, String sql, int count) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Postgres.count(schema, sql) == count);
    }

    private static int total(Map<String, Integer> kinds) {
        return kinds.values().stream().mapToInt(Integer::intValue).sum();
    }
}
