package org.durableworkflow.it.sample;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector for tests: takes the spans servers export over OTLP (HTTP, protobuf) and keeps them,
 * each with the name of the service that sent it.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A span as received, from {@code service}. */
    record Received(String service, Span span) {

        String attribute(String key) {
            return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
                    .map(a -> a.getValue().getStringValue()).orElse(null);
        }

        String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        /** The trace ids of the span's links. */
        List<String> linkedTraceIds() {
            return span.getLinksList().stream().map(l -> HexFormat.of().formatHex(l.getTraceId().toByteArray()))
                    .toList();
        }
    }

    private final HttpServer server;
    private final List<Received> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        OtlpReceiver receiver = new OtlpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/v1/traces", exchange -> {
            receiver.take(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    /** The environment that makes a Liberty server with mpTelemetry export its spans here, quickly, as {@code service}. */
    Map<String, String> environment(String service) {
        return Map.of("OTEL_SDK_DISABLED", "false", "OTEL_SERVICE_NAME", service,
                "OTEL_TRACES_EXPORTER", "otlp", "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "OTEL_BSP_SCHEDULE_DELAY", "200");
    }

    List<Received> spans() {
        return List.copyOf(spans);
    }

    private void take(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(v -> v.getStringValue()).findFirst().orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new Received(service, span)));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
