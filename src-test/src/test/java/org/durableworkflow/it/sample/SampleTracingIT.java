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
 * The sample with MicroProfile Telemetry exporting to a collector of the test's: a run's executions and steps are
 * spans with the run's id, and the execution a notify caused links to the notify's trace, which the test begins
 * itself with a {@code traceparent} header.
 */
class SampleTracingIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final Jsonb JSON = JsonbBuilder.create();
    private static OtlpReceiver collector;

    @BeforeAll
    static void start() throws Exception {
        collector = OtlpReceiver.start();
        SERVER.deploy();
        SERVER.start(collector.environment("sample"));
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
        collector.close();
    }

    @Test
    void aRunsExecutionsAndStepsAreSpansAndTheResumedOneLinksToItsNotify() throws Exception {
        String orderId = "traced-" + UUID.randomUUID();
        HttpResponse<String> started = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, started.statusCode(), started.body());
        String runId = (String) JSON.fromJson(started.body(), Map.class).get("workflowRunId");
        awaitStatus(runId, "WAITING");

        String traceId = TracedNotify.newTraceId();
        HttpResponse<String> notify = TracedNotify.send(SERVER, "order-" + orderId, traceId);
        assertEquals(200, notify.statusCode(), notify.body());
        awaitStatus(runId, "COMPLETED");

        await().atMost(Duration.ofSeconds(30)).until(() -> executions(runId).size() >= 2
                && steps(runId).size() >= 3);
        List<OtlpReceiver.Received> executions = executions(runId);
        OtlpReceiver.Received resumed = executions.stream().filter(e -> e.linkedTraceIds().contains(traceId))
                .findFirst().orElseThrow(() -> new AssertionError("no execution links to the notify: " + executions));
        assertEquals("order-processing", resumed.attribute("workflow.name"));
        assertEquals("sample", resumed.service());

        List<OtlpReceiver.Received> steps = steps(runId);
        OtlpReceiver.Received confirmation = steps.stream()
                .filter(s -> "send confirmation email".equals(s.attribute("workflow.step.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no span of the step after the wait: " + steps));
        assertEquals(resumed.spanId(), confirmation.parentSpanId(), "the step's span is the execution's child");
        assertTrue(steps.stream().anyMatch(s -> "request processing".equals(s.attribute("workflow.step.name"))),
                steps.toString());
    }

    private static List<OtlpReceiver.Received> executions(String runId) {
        return collector.spans().stream().filter(s -> s.span().getName().startsWith("execute "))
                .filter(s -> runId.equals(s.attribute("workflow.run.id"))).toList();
    }

    private static List<OtlpReceiver.Received> steps(String runId) {
        return collector.spans().stream().filter(s -> s.span().getName().startsWith("step "))
                .filter(s -> runId.equals(s.attribute("workflow.run.id"))).toList();
    }

    private static Map<?, ?> awaitStatus(String runId, String status) {
        Map<?, ?>[] run = new Map<?, ?>[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            run[0] = JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class);
            return status.equals(run[0].get("status"));
        });
        return run[0];
    }
}
