package org.durableworkflow.it.sample;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * What recording the metrics of one complete order workflow costs the server's CPU, with nothing else in the
 * figure: {@link MetricsCostProbe} makes the engine's calls a million times on one thread of the sample's server
 * (Derby), through MicroProfile Metrics, then through OpenTelemetry (mpTelemetry-2.0 in its place, its SDK on), then
 * with {@code metrics.enabled=false}. Not part of the suite: it prints, asserts nothing (docs/BENCHMARKS.md).
 */
class MetricsCostBenchmark {

    private static final int WORKFLOWS = 1_000_000;

    @Test
    void nanosecondsOfRecordingPerWorkflow() throws Exception {
        SampleServer server = new SampleServer();
        server.deployWith(MetricsCostProbe.class, MetricsCostProbe.Root.class);
        measure(server, "MicroProfile Metrics", Map.of());
        server.swapFeatureAtNextStart("mpMetrics-5.1", "mpTelemetry-2.0");
        measure(server, "OpenTelemetry", Map.of("OTEL_SDK_DISABLED", "false", "OTEL_METRICS_EXPORTER", "logging",
                "OTEL_TRACES_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none", "OTEL_METRIC_EXPORT_INTERVAL", "60000"));
        measure(server, "metrics.enabled=false", Map.of("DURABLE_WORKFLOW_METRICS_ENABLED", "false"));
    }

    private static void measure(SampleServer server, String recorder, Map<String, String> environment)
            throws Exception {
        server.start(environment);
        try {
            for (int round = 1; round <= 5; round++) {
                HttpResponse<String> ns = server.postAndWait("/metrics-cost?workflows=" + WORKFLOWS,
                        Duration.ofMinutes(5));
                SampleLoad.report("metrics %s, round %d: %s ns of recording per workflow (%,d workflows, one thread)",
                        recorder, round, ns.body(), WORKFLOWS);
            }
        } finally {
            server.stop();
        }
    }
}
