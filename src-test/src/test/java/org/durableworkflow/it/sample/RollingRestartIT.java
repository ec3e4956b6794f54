package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling restart of a cluster of two servers on one PostgreSQL under a steady load of starts and notifies: server A
 * is stopped gracefully and started again, then B. Callers go to the other server while one is down, as behind a load
 * balancer. Every run completes exactly once, and none waits for a lease to lapse: a stopping server lets go of the
 * runs it holds, so the other resumes them at its next sweep.
 */
class RollingRestartIT {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration CALL_PATIENCE = Duration.ofMinutes(3);
    private static final int MOST_ORDERS = 1000;
    private static final int BURST = 60;
    private static final SampleServer A = SampleServer.pgServerA();
    private static final SampleServer B = SampleServer.pgServerB();
    private static String schema;

    @BeforeAll
    static void startCluster() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        A.deploy();
        B.deploy();
        A.start(environment());
        B.start(environment());
    }

    /**
     * Every resume goes through the executor's queue ({@code executor.in-caller=false}), where a stopping server holds
     * runs it has not begun; a lease long enough that a run waiting for one would show.
     */
    private static Map<String, String> environment() {
        return Map.of("DB_URL", Postgres.urlFor(schema), "DURABLE_WORKFLOW_LEASE", LEASE.toSeconds() + "s",
                "DURABLE_WORKFLOW_RECOVERY_INTERVAL", "2s", "DURABLE_WORKFLOW_EXECUTOR_IN_CALLER", "false");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        SampleServer.stopAll(A, B);
        Postgres.dropSchema(schema);
    }

    @Test
    void restartingEachServerInTurnLosesDoublesAndStrandsNothing() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(12);
        List<Future<?>> orders = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (next.get() < MOST_ORDERS && !Thread.currentThread().isInterrupted()) {
                int order = next.getAndIncrement();
                orders.add(callers.submit(() -> startAndNotify(order, order % 2 == 0 ? A : B)));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        try {
            Thread.sleep(5_000);
            for (SampleServer server : List.of(A, B)) {
                // a burst of starts right as the server stops: executions queued there that it must let go of
                for (int i = 0; i < BURST; i++) {
                    int order = next.getAndIncrement();
                    orders.add(callers.submit(() -> startAndNotify(order, server)));
                }
                Thread.sleep(500);
                server.stop();
                server.start(environment());
            }
            Thread.sleep(3_000);
        } finally {
            load.interrupt();
            load.join();
        }
        try {
            for (Future<?> order : orders) {
                order.get();
            }
        } finally {
            callers.shutdownNow();
        }
        int runs = orders.size();

        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'", runs, Duration.ofMinutes(2));
        assertEquals(runs, count("SELECT COUNT(*) FROM DWF_RUN"));
        assertEquals(runs * 4L, count("SELECT COUNT(*) FROM DWF_STEP"), "four journaled steps a run, no more");
        assertEquals(runs, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'PROCESSING_REQUEST'"));
        assertEquals(runs, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION'"));
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT ORDER_ID, KIND FROM SAMPLE_OUTBOX"
                + " GROUP BY ORDER_ID, KIND HAVING COUNT(*) > 1) AS DOUBLED"));

        long startToFirstStep = count("SELECT MAX(S.CREATED_AT - R.CREATED_AT) FROM DWF_RUN R"
                + " JOIN DWF_STEP S ON S.RUN_ID = R.RUN_ID AND S.SEQ = 1");
        long notifyToResume = count("SELECT MAX(S3.CREATED_AT - S2.CREATED_AT) FROM DWF_STEP S2"
                + " JOIN DWF_STEP S3 ON S3.RUN_ID = S2.RUN_ID AND S2.SEQ = 2 AND S3.SEQ = 3");
        System.out.println("rolling restart: " + runs + " runs; longest from start to first step "
                + startToFirstStep + " ms, from notify to resume " + notifyToResume + " ms (lease " + LEASE + ")");
        for (SampleServer server : List.of(A, B)) {
            stopLines(server).forEach(line -> System.out.println(server.name() + ": " + line));
        }
        long limit = LEASE.toMillis() / 2;
        assertTrue(startToFirstStep < limit, "a started run waited " + startToFirstStep + " ms: a lease lapsed");
        assertTrue(notifyToResume < limit, "a notified run waited " + notifyToResume + " ms: a lease lapsed");
    }

    /**
     * Starts order {@code order} with a run id of its own (so that a start sent again starts nothing) on {@code first}
     * (on the other server when that one does not answer), waits until it waits, and notifies it on the other.
     */
    private static Void startAndNotify(int order, SampleServer first) throws Exception {
        String runId = "roll-" + order;
        String body = "{\"orderId\":\"r" + order + "\",\"userEmail\":\"u" + order + "@example.com\"}";
        SampleServer second = first == A ? B : A;
        callUntil(first, second, server -> server.post("/workflow/workflows/order-processing/runs?workflowRunId="
                + runId, body, "application/json").statusCode() == 202);
        String event = "order-r" + order;
        callUntil(second, first, server -> {
            HttpResponse<String> waiters = server.get("/workflow/v2/waiters/" + event);
            return waiters.statusCode() == 200 && !waiters.body().equals("[]");
        });
        callUntil(second, first, server -> {
            HttpResponse<String> notified = server.post("/workflow/v2/notify/" + event, "{\"status\":\"shipped\"}",
                    "text/plain");
            return notified.statusCode() == 200 && notified.body().contains("\"workflowRunId\"")
                    || count("SELECT COUNT(*) FROM DWF_WAITER WHERE EVENT_ID = '" + event + "'"
                    + " AND STATE = 'NOTIFIED'") == 1; // an earlier answer was lost on the way
        });
        return null;
    }

    @FunctionalInterface
    private interface Call {
        boolean succeeded(SampleServer server) throws Exception;
    }

    /** Makes {@code call} on {@code first}, then {@code second}, again and again until one succeeds. */
    private static void callUntil(SampleServer first, SampleServer second, Call call) throws Exception {
        long deadline = System.currentTimeMillis() + CALL_PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (SampleServer server : List.of(first, second)) {
                try {
                    if (call.succeeded(server)) {
                        return;
                    }
                } catch (IOException e) {
                    // the server is down or stopping: the other one, as a load balancer would
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no server answered within " + CALL_PATIENCE);
    }

    /** The server's log lines of its graceful stops, from every log since it was created. */
    private static List<String> stopLines(SampleServer server) throws IOException {
        Path logs = Path.of(System.getProperty("wlp.dir"), "usr/servers", server.name(), "logs");
        List<String> found = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("messages")).sorted().toList()) {
                try (var lines = Files.lines(log)) {
                    lines.filter(line -> line.contains("DWF0730") || line.contains("DWF0731")).forEach(found::add);
                }
            }
        }
        return found;
    }

    private static long count(String sql) throws Exception {
        return Postgres.count(schema, sql);
    }

    private static void awaitCount(String sql, long expected, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> count(sql) == expected);
    }
}
