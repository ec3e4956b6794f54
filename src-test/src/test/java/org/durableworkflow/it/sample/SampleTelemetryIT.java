package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metrics through OpenTelemetry: the sample on a server with MicroProfile Telemetry 2.0 in place of MicroProfile
 * Metrics, its SDK turned on with the logging exporter every second, which writes each metric to the server's log.
 * One order, started, notified and completed, shows in the exported series with its workflow as attribute.
 */
class SampleTelemetryIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Path LOG = Path.of(System.getProperty("wlp.dir"),
            "usr/servers/sampleServer/logs/messages.log");

    @BeforeAll
    static void start() throws Exception {
        SERVER.deleteDerbyDatabase();
        SERVER.deploy();
        SERVER.swapFeatureAtNextStart("mpMetrics-5.1", "mpTelemetry-2.0");
        SERVER.start(Map.of("OTEL_SDK_DISABLED", "false", "OTEL_METRICS_EXPORTER", "logging",
                "OTEL_TRACES_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none", "OTEL_METRIC_EXPORT_INTERVAL", "1000"));
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void oneCompletedOrderIsExportedWithItsWorkflow() throws Exception {
        String orderId = "telemetry-" + UUID.randomUUID();
        HttpResponse<String> started = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, started.statusCode(), started.body());
        String runId = (String) JSON.fromJson(started.body(), Map.class).get("workflowRunId");
        awaitStatus(runId, "WAITING");
        HttpResponse<String> notify = SERVER.post("/workflow/v2/notify/order-" + orderId,
                "{\"status\":\"shipped\",\"deliveryTime\":\"2 days\"}", "text/plain");
        assertEquals(200, notify.statusCode(), notify.body());
        awaitStatus(runId, "COMPLETED");

        // cumulative, as the exporter logs each metric every second: this server's only run
        awaitExported("durable_workflow_runs_started", "\\bvalue=1\\b");
        awaitExported("durable_workflow_runs_completed", "\\bvalue=1\\b");
        awaitExported("durable_workflow_notify_to_resumed", "unit=s,", "type=HISTOGRAM", "(?i)\\b(get)?count=1\\b");
    }

    /** Waits for a line of the log that exports {@code name} for the sample's workflow and matches {@code parts}. */
    private static void awaitExported(String name, String... parts) {
        Pattern metric = Pattern.compile("name=" + name + ",.*\\{workflow=\"order-processing\"\\}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> Files.readAllLines(LOG)
                .stream().anyMatch(line -> metric.matcher(line).find()
                        && Stream.of(parts).allMatch(part -> Pattern.compile(part).matcher(line).find())));
    }

    private static void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status.equals(JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class)
                        .get("status")));
    }
}
