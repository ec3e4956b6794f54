package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's queries at scale: 1,000,000 runs (and a waiter each) stored on PostgreSQL with {@code
 * generate_series}, then the runs list, a status filter, a workflow filter, a run id search, an event id search and a
 * deep keyset page timed through HTTP, as the console calls them; then the same without the console's indexes, and
 * what those indexes cost in bytes and insert time per run. Prints figures, asserts nothing; not in the suite
 * (docs/BENCHMARKS.md).
 */
class ConsoleScaleBenchmark {

    private static final int RUNS = Integer.getInteger("console.runs", 1_000_000);
    private static final int CALLS = 50;
    /** The indexes the listing added (DWF_RUN_STATUS was there before, for retention and plans). */
    private static final List<String> CONSOLE_INDEXES = List.of("dwf_run_created", "dwf_run_workflow",
            "dwf_waiter_event_any");
    private static final String CREATE_CONSOLE_INDEXES =
            "CREATE INDEX DWF_RUN_CREATED ON DWF_RUN (CREATED_AT, RUN_ID);"
                    + " CREATE INDEX DWF_RUN_WORKFLOW ON DWF_RUN (WORKFLOW_NAME, CREATED_AT);"
                    + " CREATE INDEX DWF_WAITER_EVENT_ANY ON DWF_WAITER (EVENT_ID)";
    private static final SampleServer SERVER = SampleServer.pgServerB();
    private static String schema;

    @BeforeAll
    static void store() throws Exception {
        long started = System.nanoTime();
        schema = Postgres.createLibrarySchema(
                // one run a second, newest last; a tenth of another workflow; statuses in turn
                "INSERT INTO DWF_RUN (RUN_ID, WORKFLOW_NAME, STATUS, INPUT_JSON, OUTPUT_JSON, CREATED_AT, UPDATED_AT,"
                        + " LEASE_EXPIRY) SELECT 'wfr_bench_' || lpad(g::text, 7, '0'),"
                        + " CASE WHEN g % 10 = 0 THEN 'refund' ELSE 'order-processing' END,"
                        + " (ARRAY['COMPLETED', 'COMPLETED', 'COMPLETED', 'WAITING', 'FAILED', 'CANCELLED'])[1 + g % 6],"
                        + " '{\"orderId\":\"' || g || '\"}', '\"confirmed\"', 1700000000000 + g * 1000::bigint,"
                        + " 1700000000000 + g * 1000::bigint + 500, 0 FROM generate_series(1, " + RUNS + ") g",
                "INSERT INTO DWF_WAITER (RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, STATE, DEADLINE, CREATED_AT)"
                        + " SELECT 'wfr_bench_' || lpad(g::text, 7, '0'), 2, 'wait for order processing', 'WAIT',"
                        + " 'order-' || g, CASE WHEN g % 6 = 3 THEN 'WAITING' ELSE 'NOTIFIED' END,"
                        + " 1700000600000 + g * 1000::bigint, 1700000000000 + g * 1000::bigint"
                        + " FROM generate_series(1, " + RUNS + ") g",
                "ANALYZE DWF_RUN", "ANALYZE DWF_WAITER");
        System.out.printf("stored %,d runs and %,d waiters in %.1f s%n", RUNS, RUNS,
                (System.nanoTime() - started) / 1e9);
        SERVER.deploy();
        SERVER.start(Map.of("DB_URL", Postgres.urlFor(schema)));
    }

    @AfterAll
    static void drop() throws Exception {
        SampleServer.stopAll(SERVER);
        Postgres.dropSchema(schema);
    }

    @Test
    void listFilterAndSearchThroughHttp() throws Exception {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("runs list, newest 50", "/workflow/runs?size=50");
        calls.put("status FAILED", "/workflow/runs?status=FAILED&size=50");
        calls.put("workflow refund", "/workflow/runs?workflow=refund&size=50");
        calls.put("status RUNNING (none)", "/workflow/runs?status=RUNNING&size=50");
        calls.put("status and workflow", "/workflow/runs?status=FAILED&workflow=refund&size=50");
        calls.put("run id search", "/workflow/runs?runId=wfr_bench_0500000");
        calls.put("event id search", "/workflow/runs?eventId=order-500000");
        calls.put("keyset page near the end", "/workflow/runs?size=50&after=wfr_bench_0000100");
        calls.put("OFFSET page 10,000 (page=)", "/workflow/runs?size=50&page=10000");
        calls.put("runs list again, last", "/workflow/runs?size=50&status=");
        System.out.printf("%n%,d runs, %d calls each after a warm-up, milliseconds through HTTP%n", RUNS, CALLS);
        for (int round = 0; round < 3; round++) { // the server's code compiled, the indexes' pages read once
            for (String path : calls.values()) {
                for (int i = 0; i < 10; i++) {
                    SERVER.get(path);
                }
            }
        }
        measure(calls);

        for (String index : CONSOLE_INDEXES) {
            long bytes = Postgres.count(schema, "SELECT pg_relation_size('" + schema + "." + index + "')");
            System.out.printf("index %-22s %,11d bytes, %5.1f bytes a run%n", index, bytes, (double) bytes / RUNS);
        }
        insertCost();

        for (String index : CONSOLE_INDEXES) {
            Postgres.update(schema, "DROP INDEX " + index);
        }
        Postgres.update(schema, "ANALYZE DWF_RUN");
        System.out.printf("%nwithout %s%n", CONSOLE_INDEXES);
        measure(calls);
    }

    private static void measure(Map<String, String> calls) throws Exception {
        System.out.printf("%-30s %8s %8s %8s %6s%n", "call", "median", "p95", "max", "rows");
        for (Map.Entry<String, String> call : calls.entrySet()) {
            int rows = 0;
            for (int i = 0; i < 10; i++) {
                SERVER.get(call.getValue());
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = SERVER.get(call.getValue());
                millis.add((System.nanoTime() - start) / 1e6);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(call.getValue() + ": " + answer.body());
                }
                rows = answer.body().split("\"workflowRunId\"", -1).length - 1;
            }
            Collections.sort(millis);
            System.out.printf("%-30s %8.1f %8.1f %8.1f %6d%n", call.getKey(), millis.get(CALLS / 2),
                    millis.get(CALLS * 95 / 100), millis.get(CALLS - 1), rows);
        }
    }

    /**
     * What the console's indexes cost a workflow's writes: 100,000 more runs and waiters inserted with and without
     * them, in a schema of their own (a start inserts one run; a wait one waiter).
     */
    private static void insertCost() throws Exception {
        String scratch = Postgres.createLibrarySchema();
        try {
            double with = Double.MAX_VALUE;
            double without = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) { // in turns, the best of three: the machine's load varies
                with = Math.min(with, insert(scratch));
                for (String index : CONSOLE_INDEXES) {
                    Postgres.update(scratch, "DROP INDEX " + index);
                }
                without = Math.min(without, insert(scratch));
                Postgres.update(scratch, CREATE_CONSOLE_INDEXES);
            }
            System.out.printf("insert of 100,000 runs and waiters, best of 3: %.2f s with the console's indexes,"
                    + " %.2f s without (%.1f µs a run more)%n", with, without, (with - without) * 1e6 / 100_000);
        } finally {
            Postgres.dropSchema(scratch);
        }
    }

    private static double insert(String scratch) throws Exception {
        Postgres.update(scratch, "TRUNCATE DWF_RUN, DWF_WAITER");
        long start = System.nanoTime();
        Postgres.update(scratch, "INSERT INTO DWF_RUN (RUN_ID, WORKFLOW_NAME, STATUS, CREATED_AT, UPDATED_AT,"
                + " LEASE_EXPIRY) SELECT 'wfr_' || md5(g::text), 'order-processing', 'WAITING', 1700000000000 + g,"
                + " 1700000000000 + g, 0 FROM generate_series(1, 100000) g");
        Postgres.update(scratch, "INSERT INTO DWF_WAITER (RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, STATE,"
                + " DEADLINE, CREATED_AT) SELECT 'wfr_' || md5(g::text), 2, 'wait', 'WAIT', 'order-' || md5(g::text),"
                + " 'WAITING', 1700000600000 + g, 1700000000000 + g FROM generate_series(1, 100000) g");
        return (System.nanoTime() - start) / 1e9;
    }
}
