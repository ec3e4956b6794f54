package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample across server restarts and crashes, on Derby: waiting runs, timers due while the server is down, and
 * runs left between a notify's commit and their resume all complete after the next start.
 */
class SampleRestartIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final Jsonb JSON = JsonbBuilder.create();

    @BeforeAll
    static void deploy() throws Exception {
        SERVER.deploy();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    /**
     * Liberty generates one OpenAPI document per WAR and, with two JAX-RS applications in it, picks either root for
     * the library's paths; the library's filter must put them under /workflow at every start, so three starts.
     */
    @Test
    void everyStartServesAnOpenApiDocumentOfEveryEndpointWithItsToken() throws Exception {
        for (int start = 0; start < 3; start++) {
            SERVER.start(Map.of());
            HttpResponse<String> document = SERVER.get("/openapi");

            assertEquals(200, document.statusCode(), document.body());
            for (String path : List.of("/workflow/v2/notify/{path}:", "/workflow/v2/waiters/{eventId}:",
                    "/workflow/workflows/{name}/runs:", "/workflow/runs:", "/workflow/runs/{runId}:",
                    "/workflow/runs/{runId}/cancel:", "/workflow/waiters:", "/workflow/events:", "/orders:",
                    "scheme: bearer", "- durable-workflow-token: []")) {
                assertTrue(document.body().contains(path), "start " + start + ": " + path + " in\n" + document.body());
            }
            SERVER.stop();
        }
    }

    /**
     * Java's {@code HttpClient} asks a cleartext server to upgrade each new connection to HTTP/2 (h2c), and Liberty,
     * under load, loses such requests that carry a body: a {@code NullPointerException} in its upgrade handler, and
     * the client waits out its timeout. The sample's endpoint speaks HTTP/1.1 only, so it declines the upgrade.
     */
    @Test
    void aJavaClientAskingToUpgradeToHttp2IsAnsweredInHttp11() throws Exception {
        SERVER.start(Map.of());
        HttpResponse<String> notify = SERVER.post("/workflow/v2/notify/order-" + UUID.randomUUID(), "{}", "text/plain");

        assertEquals(HttpClient.Version.HTTP_1_1, notify.version());
        assertEquals(200, notify.statusCode(), notify.body());
        assertEquals("[]", notify.body()); // nobody waits for that id
        SERVER.stop();
    }

    /** JSON-B refuses these bodies; the sample reads its body itself, where the runtime answered 500. */
    @Test
    void anOrderBodyThatIsNotAJsonOrderIsRefusedWith400() throws Exception {
        SERVER.start(Map.of());
        for (String body : List.of("{", "[]", "\"an order\"", "-0", "orderId=1")) {
            HttpResponse<String> refused = SERVER.post("/orders", body, "application/json");

            assertEquals(400, refused.statusCode(), body + ": " + refused.body());
            assertTrue(refused.body().startsWith("{\"error\":\"the body is not a JSON order"), refused.body());
        }
        SERVER.stop();
    }

    @Test
    void aRunWaitingWhenTheServerIsKilledResumesOnANotifyAfterRestart() throws Exception {
        SERVER.start(Map.of());
        String orderId = "kill-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");

        SERVER.kill();
        SERVER.start(Map.of());
        HttpResponse<String> notify = SERVER.post("/workflow/v2/notify/order-" + orderId,
                "{\"status\":\"shipped\",\"trackingNumber\":\"T-1\"}", "text/plain");

        assertEquals(200, notify.statusCode(), notify.body());
        assertTrue(notify.body().contains(runId), notify.body());
        assertEquals("\"confirmed\"", awaitStatus(runId, "COMPLETED").get("output"));
        List<Map<String, Object>> outbox = outbox(orderId);
        assertEquals(List.of("PROCESSING_REQUEST", "CONFIRMATION"), outbox.stream().map(m -> m.get("kind")).toList());
        assertTrue(((String) outbox.get(1).get("body")).contains("T-1"), outbox.toString());
        SERVER.stop();
    }

    @Test
    void aTimerDueWhileTheServerIsDownFiresAfterStart() throws Exception {
        SERVER.start(Map.of("ORDER_WAIT_TIMEOUT", "8s"));
        String orderId = "timer-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        long deadlineMillis = waiterDeadlineSeconds(orderId) * 1000 + 1000;
        SERVER.stop();

        await().atMost(Duration.ofSeconds(30)).until(() -> System.currentTimeMillis() > deadlineMillis);
        SERVER.start(Map.of());

        Map<String, Object> run = awaitStatus(runId, "COMPLETED");
        assertEquals("\"timed out\"", run.get("output"));
        assertEquals(List.of("PROCESSING_REQUEST", "CANCELLATION"),
                outbox(orderId).stream().map(m -> m.get("kind")).toList());
        SERVER.stop();
    }

    /**
     * A burst of orders from 16 callers into a fresh database: every run waits, none fails. Derby's identity
     * generators (the library's tables once, the container's timer table still) fail concurrent first inserts with
     * lock timeouts; such a failure must be retried, never fail a run or answer a caller 5xx. After a restart, the
     * ids the server counts for waiters go on above those stored.
     */
    @Test
    void aFreshDatabaseTakesABurstOfOrders() throws Exception {
        SERVER.deleteDerbyDatabase();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            SERVER.start(Map.of());
            startAllAndAwaitWaiting(callers, "burst-", 200);
            SERVER.stop();
            SERVER.start(Map.of());
            startAllAndAwaitWaiting(callers, "after-restart-", 20);
        } finally {
            callers.shutdownNow();
            SERVER.stop();
        }
    }

    private static void startAllAndAwaitWaiting(ExecutorService callers, String prefix, int n) throws Exception {
        List<Callable<String>> orders = IntStream.range(0, n)
                .mapToObj(i -> (Callable<String>) () -> startOrder(prefix + i + "-" + UUID.randomUUID()))
                .toList();
        for (Future<String> runId : callers.invokeAll(orders)) {
            awaitStatus(runId.get(), "WAITING");
        }
    }

    /**
     * Leaves in the database exactly what a notify's transaction commits (waiter NOTIFIED, the wait's outcome
     * journaled, the run RUNNING under this server's lease) with the server down, as a crash right after that
     * commit would; the next start must resume the run.
     */
    @Test
    void aRunLeftBetweenTheNotifyCommitAndItsResumeIsResumedAtStart() throws Exception {
        SERVER.start(Map.of());
        String orderId = "interrupted-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        SERVER.kill();

        commitNotifyWithoutResume(runId, "{\"status\":\"shipped\",\"trackingNumber\":\"T-9\"}");
        SERVER.start(Map.of());

        assertEquals("\"confirmed\"", awaitStatus(runId, "COMPLETED").get("output"));
        assertEquals(List.of("PROCESSING_REQUEST", "CONFIRMATION"),
                outbox(orderId).stream().map(m -> m.get("kind")).toList());
        SERVER.stop();
    }

    private void commitNotifyWithoutResume(String runId, String eventData) throws Exception {
        long now = System.currentTimeMillis();
        String serverId = "sampleServer@" + InetAddress.getLocalHost().getHostName();
        try (Connection db = DriverManager.getConnection(SERVER.derbyUrl())) {
            db.setAutoCommit(false);
            update(db, "UPDATE DWF_WAITER SET STATE = 'NOTIFIED' WHERE RUN_ID = ? AND STATE = 'WAITING'", runId);
            try (PreparedStatement journal = db.prepareStatement("INSERT INTO DWF_STEP (RUN_ID, SEQ, STEP_NAME,"
                    + " STEP_TYPE, OUTCOME, RESULT_TEXT, CREATED_AT) VALUES (?, 2, 'wait for order processing',"
                    + " 'WAIT', 'NOTIFIED', ?, ?)")) {
                journal.setString(1, runId);
                journal.setString(2, eventData);
                journal.setLong(3, now);
                assertEquals(1, journal.executeUpdate());
            }
            try (PreparedStatement run = db.prepareStatement("UPDATE DWF_RUN SET STATUS = 'RUNNING',"
                    + " LEASE_OWNER = ?, LEASE_EXPIRY = ? WHERE RUN_ID = ? AND STATUS = 'WAITING'")) {
                run.setString(1, serverId);
                run.setLong(2, now + 60_000);
                run.setString(3, runId);
                assertEquals(1, run.executeUpdate());
            }
            db.commit();
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (java.sql.SQLException expected) {
                // Derby answers a clean shutdown with an exception
            }
        }
    }

    private static void update(Connection db, String sql, String runId) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, runId);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, response.statusCode(), response.body());
        return (String) JSON.fromJson(response.body(), Map.class).get("workflowRunId");
    }

    private static long waiterDeadlineSeconds(String orderId) throws Exception {
        List<?> waiters = JSON.fromJson(SERVER.get("/workflow/v2/waiters/order-" + orderId).body(), List.class);
        return ((Number) ((Map<?, ?>) waiters.get(0)).get("deadline")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outbox(String orderId) throws Exception {
        return JSON.fromJson(SERVER.get("/orders/" + orderId + "/outbox").body(), List.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitStatus(String runId, String status) {
        Map<String, Object>[] run = new Map[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    run[0] = JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class);
                    return status.equals(run[0].get("status"))
                            || List.of("COMPLETED", "FAILED", "CANCELLED").contains(run[0].get("status"));
                });
        assertEquals(status, run[0].get("status"), run[0].toString());
        return run[0];
    }
}
