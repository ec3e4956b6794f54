package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races between a notify and a timeout on a cluster of two servers: each run's notify is sent at the moment of its
 * deadline (give or take 50 ms), to the server that did not start it, while its timeout fires on the server its
 * window's timer fired on. Each run must end with exactly one outcome, and each notify's answer must say truthfully
 * whether it was the one that resumed it.
 */
class PostgresRaceIT {

    /** 2,000 in the test suite; {@code -Draces=10000} for the full count of docs/BENCHMARKS.md. */
    private static final int RUNS = Integer.getInteger("races", 2_000);
    private static final String TIMEOUT = "20s";
    /** Starts per second, over both servers: the timeouts, and the notifies racing them, come due at this rate. */
    private static final int STARTS_PER_SECOND = 100;
    private static final SampleServer A = SampleServer.pgServerA();
    private static final SampleServer B = SampleServer.pgServerB();
    private static String schema;

    /** Event id to whether the notify's answer named its run, i.e. claimed to have resumed it. */
    private final Map<String, Boolean> notifyClaims = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startCluster() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        A.deploy();
        B.deploy();
        Map<String, String> env = Map.of("DB_URL", Postgres.urlFor(schema), "ORDER_WAIT_TIMEOUT", TIMEOUT);
        A.start(env);
        B.start(env);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        SampleServer.stopAll(A, B);
        Postgres.dropSchema(schema);
    }

    @Test
    void eachRaceHasExactlyOneOutcomeAndTheNotifySaysWhichTruthfully() throws Exception {
        ScheduledExecutorService starters = Executors.newScheduledThreadPool(4);
        ScheduledExecutorService notifiers = Executors.newScheduledThreadPool(32);
        List<Future<?>> calls = new ArrayList<>();
        long began = System.currentTimeMillis();
        try {
            for (int i = 0; i < RUNS; i++) {
                int order = i;
                calls.add(starters.schedule(() -> startOrder(order), order * 1000L / STARTS_PER_SECOND,
                        TimeUnit.MILLISECONDS));
            }
            // as waiters appear, each notify is timed for its waiter's deadline
            while (scheduled.size() < RUNS) {
                assertTrue(System.currentTimeMillis() - began < Duration.ofMinutes(10).toMillis(),
                        "only " + scheduled.size() + " runs came to wait");
                failFast(calls);
                for (String[] waiter : Postgres.rows(schema, "SELECT EVENT_ID, DEADLINE FROM DWF_WAITER")) {
                    if (scheduled.add(waiter[0])) {
                        long delay = Long.parseLong(waiter[1]) + jitter() - System.currentTimeMillis();
                        calls.add(notifiers.schedule(() -> notifyAtDeadline(waiter[0]), delay, TimeUnit.MILLISECONDS));
                    }
                }
                Thread.sleep(200);
            }
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
        } finally {
            starters.shutdownNow();
            notifiers.shutdownNow();
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Postgres.count(schema, "SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'") == RUNS);

        List<String[]> outcomes = Postgres.rows(schema, "SELECT W.EVENT_ID, W.STATE, R.OUTPUT_JSON,"
                + " (SELECT COUNT(*) FROM DWF_STEP S WHERE S.RUN_ID = W.RUN_ID AND S.SEQ = W.SEQ)"
                + " FROM DWF_WAITER W JOIN DWF_RUN R ON R.RUN_ID = W.RUN_ID");
        assertEquals(RUNS, outcomes.size());
        long notified = 0;
        for (String[] outcome : outcomes) {
            boolean notifyWon = "NOTIFIED".equals(outcome[1]);
            assertTrue(notifyWon || "TIMED_OUT".equals(outcome[1]), outcome[0] + " ended " + outcome[1]);
            assertEquals(notifyWon ? "\"confirmed\"" : "\"timed out\"", outcome[2], outcome[0]);
            assertEquals("1", outcome[3], outcome[0] + ": one journaled outcome of its wait");
            assertEquals(notifyWon, notifyClaims.get(outcome[0]), outcome[0] + ": the notify's answer");
            notified += notifyWon ? 1 : 0;
        }
        long timedOut = RUNS - notified;
        System.out.println("races: notify won " + notified + ", timeout won " + timedOut + " of " + RUNS);
        assertEquals(notified, Postgres.count(schema, "SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION'"));
        assertEquals(timedOut, Postgres.count(schema, "SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CANCELLATION'"));
        assertEquals(notified * 4 + timedOut * 3, Postgres.count(schema, "SELECT COUNT(*) FROM DWF_STEP"));

        // a timeout executes its run in its own transaction through its transactional steps: here the cancellation
        // and the completion, which so commit with the timeout (a few timeouts due in the same millisecond on one
        // server are queued instead)
        long committedTogether = Postgres.count(schema, "SELECT COUNT(*) FROM DWF_WAITER W"
                + " JOIN DWF_STEP S ON S.RUN_ID = W.RUN_ID AND S.SEQ = W.SEQ JOIN DWF_RUN R ON R.RUN_ID = W.RUN_ID"
                + " WHERE W.STATE = 'TIMED_OUT' AND R.xmin = S.xmin");
        System.out.println("races: " + committedTogether + " of " + timedOut + " timeouts committed with the"
                + " completion of their run");
        assertTrue(committedTogether * 2 >= timedOut, committedTogether + " of " + timedOut);
    }

    /**
     * The notify leaves within 50 ms either side of the deadline, so that it arrives sometimes before the timeout
     * fires, sometimes after it, and often while the timeout's transaction is in flight.
     */
    private static long jitter() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(-50, 51);
    }

    /** Ends the test at the first failed call instead of waiting for runs that will never come. */
    private static void failFast(List<Future<?>> calls) throws Exception {
        for (Future<?> call : calls) {
            if (call.isDone()) {
                call.get();
            }
        }
    }

    private static void startOrder(int order) {
        try {
            HttpResponse<String> started = server(order).post("/orders",
                    "{\"orderId\":\"" + order + "\",\"userEmail\":\"u@example.com\"}", "application/json");
            assertEquals(202, started.statusCode(), started.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void notifyAtDeadline(String eventId) {
        int order = Integer.parseInt(eventId.substring("order-".length()));
        try {
            HttpResponse<String> answer = server(order + 1).post("/workflow/v2/notify/" + eventId,
                    "{\"status\":\"shipped\"}", "text/plain");
            assertEquals(200, answer.statusCode(), answer.body());
            notifyClaims.put(eventId, answer.body().contains("\"workflowRunId\""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SampleServer server(int order) {
        return order % 2 == 0 ? A : B;
    }
}
