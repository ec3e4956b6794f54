package org.durableworkflow.impl.ops.metrics;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's MicroProfile Metrics registry, injected as an application's bean gets it (its producer reads
 * the injection point). Registered only when the server gives the application the API ({@link MetricsSelection}).
 */
@Dependent
public class MicroProfileRegistry {

    @Inject
    MetricRegistry registry;

    Object registry() {
        return registry;
    }
}
