package org.durableworkflow.impl.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;

/** A {@link Verdict} as MicroProfile Health's response; apart, so that only the checks load the API's classes. */
final class HealthResponses {

    /** The name of both checks, as {@code /health} shows it. */
    static final String NAME = "durable-workflow";

    private HealthResponses() {
    }

    static HealthCheckResponse of(Verdict verdict) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).status(verdict.up());
        for (Map.Entry<String, Object> entry : verdict.data().entrySet()) {
            if (entry.getValue() instanceof Long number) {
                builder.withData(entry.getKey(), number);
            } else {
                builder.withData(entry.getKey(), String.valueOf(entry.getValue()));
            }
        }
        return builder.build();
    }
}
