package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as the README tells it: Upstash's own event completes an order with its delivery time; a rejected order
 * fails, its failure handler writes a FAILURE message, and a fork of the run from its wait, notified again with a
 * good event, completes it.
 */
class SampleFailureIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final Jsonb JSON = JsonbBuilder.create();

    @BeforeAll
    static void start() throws Exception {
        SERVER.deploy();
        SERVER.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void upstashsExampleEventCarriesItsDeliveryTimeIntoTheConfirmation() throws Exception {
        String orderId = "upstash-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        notify(orderId, "{\"deliveryTime\":\"2 days\"}");
        awaitStatus(runId, "COMPLETED");
        assertEquals(List.of("PROCESSING_REQUEST", "CONFIRMATION"), kinds(orderId));
        assertTrue(bodies(orderId).get(1).endsWith("is on its way: delivery in 2 days"), bodies(orderId).toString());
    }

    @Test
    void aRejectedOrderFailsTellsItsCustomerAndAForkFromItsWaitCompletesIt() throws Exception {
        String orderId = "rejected-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        notify(orderId, "{\"status\":\"rejected\"}");
        Map<?, ?> failed = awaitStatus(runId, "FAILED");
        assertTrue(((String) failed.get("error")).contains("was rejected"), failed.toString());
        assertEquals(List.of("PROCESSING_REQUEST", "FAILURE"), kinds(orderId));
        assertTrue(bodies(orderId).get(1).contains("failed at 'process order'"), bodies(orderId).toString());

        HttpResponse<String> fork = SERVER.post("/workflow/runs/" + runId + "/fork", "{\"fromSequence\":2}",
                "application/json");
        assertEquals(202, fork.statusCode(), fork.body());
        String forked = (String) JSON.fromJson(fork.body(), Map.class).get("workflowRunId");
        awaitStatus(forked, "WAITING");
        notify(orderId, "{\"status\":\"shipped\",\"deliveryTime\":\"2 days\"}");
        assertEquals("\"confirmed\"", awaitStatus(forked, "COMPLETED").get("output"));
        assertEquals(List.of("PROCESSING_REQUEST", "FAILURE", "CONFIRMATION"), kinds(orderId));
    }

    private static void notify(String orderId, String event) throws Exception {
        HttpResponse<String> notify = SERVER.post("/workflow/v2/notify/order-" + orderId, event, "text/plain");
        assertEquals(200, notify.statusCode(), notify.body());
    }

    private static String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, response.statusCode(), response.body());
        return (String) JSON.fromJson(response.body(), Map.class).get("workflowRunId");
    }

    private static List<?> kinds(String orderId) throws Exception {
        return outbox(orderId).stream().map(m -> m.get("kind")).toList();
    }

    private static List<String> bodies(String orderId) throws Exception {
        return outbox(orderId).stream().map(m -> (String) m.get("body")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outbox(String orderId) throws Exception {
        return JSON.fromJson(SERVER.get("/orders/" + orderId + "/outbox").body(), List.class);
    }

    private static Map<?, ?> awaitStatus(String runId, String status) {
        Map<?, ?>[] run = new Map[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    run[0] = JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class);
                    return status.equals(run[0].get("status"))
                            || List.of("COMPLETED", "FAILED", "CANCELLED").contains(run[0].get("status"));
                });
        assertEquals(status, run[0].get("status"), run[0].toString());
        return run[0];
    }
}
