package org.durableworkflow.impl.ops.metrics;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The application's {@code OpenTelemetry} bean of MicroProfile Telemetry, injected as an application's bean gets
 * it. Registered only when the server gives the application the API ({@link MetricsSelection}).
 */
@Dependent
public class OpenTelemetryBean {

    @Inject
    OpenTelemetry openTelemetry;

    Object openTelemetry() {
        return openTelemetry;
    }
}
