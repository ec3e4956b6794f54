package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's {@code GET /metrics} (MicroProfile Metrics 5.1, Prometheus text): one order's start, wait, notify and
 * completion, and another order's timeout, move the library's series by exactly what happened, read before and
 * after. The server starts on an empty Derby database, so no run of an earlier test moves them too.
 */
class SampleMetricsIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String ORDER = "workflow=\"order-processing\"";
    /** Long enough for the notified order's wait, short enough to see the other one time out. */
    private static final int WAIT_TIMEOUT_SECONDS = 40;

    @BeforeAll
    static void start() throws Exception {
        SERVER.deleteDerbyDatabase();
        SERVER.deploy();
        SERVER.start(Map.of("ORDER_WAIT_TIMEOUT", WAIT_TIMEOUT_SECONDS + "s"));
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void oneOrderMovesItsCountersTimersAndGauges() throws Exception {
        String before = metrics();
        String orderId = "metrics-" + UUID.randomUUID();
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        // the gauge is read from the database every few seconds, not at the scrape
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> value(metrics(), "durable_workflow_runs_waiting", "") == 1);

        HttpResponse<String> notify = SERVER.post("/workflow/v2/notify/order-" + orderId,
                "{\"status\":\"shipped\",\"deliveryTime\":\"2 days\"}", "text/plain");
        assertEquals(200, notify.statusCode(), notify.body());
        awaitStatus(runId, "COMPLETED");
        HttpResponse<String> nobody = SERVER.post("/workflow/v2/notify/order-nobody-" + orderId, "{}", "text/plain");
        assertEquals(200, nobody.statusCode(), nobody.body());
        String after = metrics();

        assertMoved(before, after, "durable_workflow_runs_started_total", ORDER, 1);
        assertMoved(before, after, "durable_workflow_runs_completed_total", ORDER, 1);
        assertMoved(before, after, "durable_workflow_runs_failed_total", ORDER, 0);
        assertMoved(before, after, "durable_workflow_notifies_total", "outcome=\"resumed\"", 1);
        assertMoved(before, after, "durable_workflow_notifies_total", "outcome=\"nobody_waiting\"", 1);
        assertMoved(before, after, "durable_workflow_notify_to_resumed_seconds_count", ORDER, 1);
        for (String step : new String[]{"request processing", "process order", "send confirmation email"}) {
            assertMoved(before, after, "durable_workflow_step_duration_seconds_count",
                    "step=\"" + step + "\"", 1);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> value(metrics(), "durable_workflow_runs_waiting", "") == 0);
    }

    @Test
    void anOrderNobodyNotifiesCountsItsTimeoutAndHowLate() throws Exception {
        String before = metrics();
        String runId = startOrder("metrics-timeout-" + UUID.randomUUID());
        awaitStatus(runId, "WAITING");
        await().atMost(Duration.ofSeconds(WAIT_TIMEOUT_SECONDS + 60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> "COMPLETED".equals(JSON.fromJson(
                        SERVER.get("/workflow/runs/" + runId).body(), Map.class).get("status")));
        String after = metrics();

        assertMoved(before, after, "durable_workflow_timeouts_fired_total", "", 1);
        assertMoved(before, after, "durable_workflow_timeout_lateness_seconds_count", "", 1);
        assertMoved(before, after, "durable_workflow_step_duration_seconds_count", "step=\"cancel order\"", 1);
        assertMoved(before, after, "durable_workflow_runs_completed_total", ORDER, 1);
        assertMoved(before, after, "durable_workflow_notify_to_resumed_seconds_count", ORDER, 0);
    }

    private static void assertMoved(String before, String after, String name, String label, double by) {
        double was = value(before, name, label);
        double is = value(after, name, label);
        assertEquals(by, is - was, name + "{" + label + "} went from " + was + " to " + is + " in\n" + after);
    }

    /**
     * The value of the line of series {@code name} whose labels include {@code label}; 0 when there is none yet (a
     * series appears at its first use).
     */
    private static double value(String text, String name, String label) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        double found = 0;
        int lines = 0;
        while (line.find()) {
            if (line.group(1).contains(label)) {
                found = Double.parseDouble(line.group(2));
                lines++;
            }
        }
        assertTrue(lines <= 1, "more than one series " + name + "{" + label + "}");
        return found;
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = SERVER.get("/metrics?scope=application");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, response.statusCode(), response.body());
        return (String) JSON.fromJson(response.body(), Map.class).get("workflowRunId");
    }

    private static void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status.equals(JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class)
                        .get("status")));
    }
}
