package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One server of any kind restarted with runs waiting: some wait across a clean stop, some across a {@code kill -9}
 * after which their timeout falls due while the server is down. After the last start the due runs time out and the
 * others resume on a notify, each order's outbox holding each message once. Seen through the sample's REST API only,
 * so it holds on any database that outlives the server (not an in-memory one).
 */
public final class RestartScenario {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String LONG_WAIT = "10m";

    private final ServerProcess server;
    private final String schema;
    private final Map<String, String> runIds = new HashMap<>();
    private AfterRestart afterRestart = (server, resumed) -> { };

    /** What a server kind checks once the runs are done after the last start, before the stop. */
    @FunctionalInterface
    public interface AfterRestart {
        /** {@code resumed}: the runs a notify resumed since that start, one each. */
        void check(ServerProcess server, int resumed) throws Exception;
    }

    /** {@code schema}: the PostgreSQL schema to start the server on, or null for the server's own database. */
    public RestartScenario(ServerProcess server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    /** Adds {@code check}, run after the last start once every run is done (health and metrics, where served). */
    public RestartScenario checkingAfterRestart(AfterRestart check) {
        this.afterRestart = check;
        return this;
    }

    public void runsWaitAcrossAStopAndAKillWithTimeoutsDueWhileDown(int waiting, int due) throws Exception {
        server.deploy();
        start(LONG_WAIT);
        List<String> waitingOrders = startOrders("waits-", waiting);
        server.stop();

        start("8s");
        List<String> dueOrders = startOrders("due-", due);
        long lastDeadline = 0;
        for (String order : dueOrders) {
            lastDeadline = Math.max(lastDeadline, waiterDeadlineSeconds(order) * 1000);
        }
        server.kill();
        long deadline = lastDeadline + 1000;
        await().atMost(Duration.ofSeconds(60)).until(() -> System.currentTimeMillis() > deadline);

        start(LONG_WAIT);
        try {
            for (String order : dueOrders) {
                assertEquals("\"timed out\"", awaitCompleted(order).get("output"), order);
                assertEquals(List.of("PROCESSING_REQUEST", "CANCELLATION"), outboxKinds(order), order);
            }
            for (String order : waitingOrders) {
                HttpResponse<String> notify = server.post("/workflow/v2/notify/order-" + order,
                        "{\"status\":\"shipped\",\"trackingNumber\":\"T-" + order + "\"}", "text/plain");
                assertEquals(200, notify.statusCode(), notify.body());
                assertTrue(notify.body().contains("workflowRunId"), order + ": " + notify.body());
            }
            for (String order : waitingOrders) {
                assertEquals("\"confirmed\"", awaitCompleted(order).get("output"), order);
                assertEquals(List.of("PROCESSING_REQUEST", "CONFIRMATION"), outboxKinds(order), order);
            }
            afterRestart.check(server, waitingOrders.size());
        } finally {
            server.stop();
        }
    }

    private void start(String waitTimeout) throws Exception {
        Map<String, String> env = Map.of("ORDER_WAIT_TIMEOUT", waitTimeout);
        if (schema == null) {
            server.start(env);
        } else {
            server.startOnSchema(schema, env);
        }
    }

    /** Starts {@code n} orders and waits until each waits; returns their ids. */
    private List<String> startOrders(String prefix, int n) throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String order = prefix + i + "-" + UUID.randomUUID();
            HttpResponse<String> started = server.post("/orders",
                    "{\"orderId\":\"" + order + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
            assertEquals(202, started.statusCode(), started.body());
            runIds.put(order, (String) JSON.fromJson(started.body(), Map.class).get("workflowRunId"));
            orders.add(order);
        }
        for (String order : orders) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> waiterDeadlineSeconds(order) > 0);
        }
        return orders;
    }

    private long waiterDeadlineSeconds(String order) throws Exception {
        List<?> waiters = JSON.fromJson(server.get("/workflow/v2/waiters/order-" + order).body(), List.class);
        return ((Number) ((Map<?, ?>) waiters.get(0)).get("deadline")).longValue();
    }

    /** The run of {@code order} once it has ended, which must be as completed. */
    private Map<?, ?> awaitCompleted(String order) {
        Map<?, ?>[] run = new Map[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    run[0] = JSON.fromJson(server.get("/workflow/runs/" + runIds.get(order)).body(), Map.class);
                    return List.of("COMPLETED", "FAILED", "CANCELLED").contains(run[0].get("status"));
                });
        assertEquals("COMPLETED", run[0].get("status"), run[0].toString());
        return run[0];
    }

    private List<Object> outboxKinds(String order) throws Exception {
        List<?> outbox = JSON.fromJson(server.get("/orders/" + order + "/outbox").body(), List.class);
        return outbox.stream().map(message -> (Object) ((Map<?, ?>) message).get("kind")).toList();
    }
}
