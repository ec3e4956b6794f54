package org.durableworkflow.it.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers of a cluster of any kind sharing one PostgreSQL schema, the first killed with {@code kill -9} while
 * {@code runs} runs wait: every run completes through the survivor, exactly once, and the dead server's timeouts are
 * settled there. {@link #start} starts both on a new schema, {@link #close} stops them and drops it.
 */
public final class ClusterScenario implements AutoCloseable {

    private final ServerProcess a;
    private final ServerProcess b;
    private final int runs;
    private String schema;

    public ClusterScenario(ServerProcess a, ServerProcess b, int runs) {
        this.a = a;
        this.b = b;
        this.runs = runs;
    }

    /** Deploys the sample on both and starts them on a new schema; A's orders time out after 45 s, B's after 10 min. */
    public void start() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        a.deploy();
        b.deploy();
        a.startOnSchema(schema, environment("45s"));
        b.startOnSchema(schema, environment("10m"));
    }

    private static Map<String, String> environment(String waitTimeout) {
        Map<String, String> env = new HashMap<>();
        env.put("ORDER_WAIT_TIMEOUT", waitTimeout);
        env.put("DURABLE_WORKFLOW_LEASE", "10s");
        env.put("DURABLE_WORKFLOW_RECOVERY_INTERVAL", "2s");
        return env;
    }

    @Override
    public void close() throws Exception {
        ServerProcess.stopAll(a, b);
        Postgres.dropSchema(schema);
    }

    /** The scenario itself; the assertions say what must hold. */
    public void killOneWhileRunsWait() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            all(callers, IntStream.range(0, runs).mapToObj(i -> (Callable<Void>) () -> {
                HttpResponse<String> started = server(i).post("/orders",
                        "{\"orderId\":\"" + i + "\",\"userEmail\":\"u" + i + "@example.com\"}", "application/json");
                assertEquals(202, started.statusCode(), started.body());
                return null;
            }).toList());
            awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", runs, Duration.ofMinutes(3));
            assertEquals(0, count("SELECT COUNT(*) FROM DWF_WAITER W JOIN DWF_STEP S ON S.RUN_ID = W.RUN_ID"
                    + " AND S.SEQ = W.SEQ - 1 WHERE NOT (S.XMIN = W.XMIN)"),
                    "each waiter committed in one transaction with the step before it");

            a.kill();

            // every order of B, and four in five of A's, are notified through the survivor; the rest time out
            all(callers, IntStream.range(0, runs).filter(i -> !timesOut(i)).mapToObj(i -> (Callable<Void>) () -> {
                HttpResponse<String> notified = b.post("/workflow/v2/notify/order-" + i,
                        "{\"status\":\"shipped\",\"trackingNumber\":\"T" + i + "\"}", "text/plain");
                assertEquals(200, notified.statusCode(), notified.body());
                assertTrue(notified.body().contains("\"workflowRunId\""), notified.body());
                return null;
            }).toList());
        } finally {
            callers.shutdownNow();
        }

        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'", runs, Duration.ofMinutes(5));
        System.out.println("failover: the dead server's timeouts were settled at most "
                + count("SELECT MAX(S.CREATED_AT - W.DEADLINE) FROM DWF_STEP S JOIN DWF_WAITER W"
                + " ON S.RUN_ID = W.RUN_ID AND S.SEQ = W.SEQ WHERE S.OUTCOME = 'TIMED_OUT'") + " ms after their deadline");
        assertEachRunOnce();
    }

    private void assertEachRunOnce() throws Exception {
        long timedOut = IntStream.range(0, runs).filter(ClusterScenario::timesOut).count();
        assertEquals(timedOut, count("SELECT COUNT(*) FROM DWF_RUN WHERE OUTPUT_JSON = '\"timed out\"'"));
        assertEquals(runs - timedOut, count("SELECT COUNT(*) FROM DWF_RUN WHERE OUTPUT_JSON = '\"confirmed\"'"));
        assertEquals(runs, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'PROCESSING_REQUEST'"));
        assertEquals(runs - timedOut, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION'"));
        assertEquals(timedOut, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CANCELLATION'"));
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT ORDER_ID, KIND FROM SAMPLE_OUTBOX"
                + " GROUP BY ORDER_ID, KIND HAVING COUNT(*) > 1) AS DOUBLED"));
        assertEquals(runs * 4 - timedOut, count("SELECT COUNT(*) FROM DWF_STEP"),
                "timed-out runs journal three steps (the cancellation after the wait), notified runs four");
        assertEquals(0, count("SELECT COUNT(*) FROM DWF_WAITER WHERE STATE = 'WAITING'"));
        assertEquals(0, count("SELECT COUNT(*) FROM DWF_RUN R JOIN DWF_STEP S ON S.RUN_ID = R.RUN_ID AND S.SEQ = 4"
                + " WHERE NOT (S.XMIN = R.XMIN)"), "each completion committed with the workflow's last step");
        assertEquals(runs - timedOut, count("SELECT COUNT(*) FROM DWF_STEP S3 JOIN DWF_STEP S4"
                + " ON S4.RUN_ID = S3.RUN_ID AND S3.SEQ = 3 AND S4.SEQ = 4 WHERE S3.XMIN = S4.XMIN"),
                "the two transactional steps after the wait commit together");
        long withTheNotify = count("SELECT COUNT(*) FROM DWF_STEP S2 JOIN DWF_STEP S3 ON S3.RUN_ID = S2.RUN_ID"
                + " AND S2.SEQ = 2 AND S3.SEQ = 3 WHERE S2.OUTCOME = 'NOTIFIED' AND S2.XMIN = S3.XMIN");
        System.out.println("steps committed with the notify that resumed their run: " + withTheNotify + " of "
                + (runs - timedOut));
        assertTrue(withTheNotify >= (runs - timedOut) * 9 / 10, "a notify executes the transactional steps after the"
                + " wait in its own transaction (a conflict makes it notify again the usual way): " + withTheNotify);
    }

    /** Orders 0, 2, 4... start on A; A's orders divisible by 10 are left to time out after A is killed. */
    private ServerProcess server(int order) {
        return order % 2 == 0 ? a : b;
    }

    private static boolean timesOut(int order) {
        return order % 10 == 0;
    }

    private long count(String sql) throws Exception {
        return Postgres.count(schema, sql);
    }

    private void awaitCount(String sql, long expected, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> count(sql) == expected);
    }

    private static void all(ExecutorService pool, List<Callable<Void>> calls) throws Exception {
        for (Future<Void> result : pool.invokeAll(calls)) {
            result.get();
        }
    }
}
