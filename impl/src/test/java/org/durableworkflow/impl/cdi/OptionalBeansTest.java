package org.durableworkflow.impl.cdi;

import org.durableworkflow.impl.health.LivenessCheck;
import org.durableworkflow.impl.health.ReadinessCheck;
import org.durableworkflow.impl.ops.metrics.MicroProfileRegistry;
import org.durableworkflow.impl.ops.metrics.OpenTelemetryBean;
import org.durableworkflow.impl.ops.tracing.NoTracing;
import org.durableworkflow.impl.ops.tracing.OpenTelemetryTracing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The beans that need an optional API are registered where the application sees it, their stand-ins where not. */
class OptionalBeansTest {

    @Test
    void withTheApisTheTracerAndTheHealthChecks() {
        assertEquals(List.of(OpenTelemetryTracing.class, ReadinessCheck.class, LivenessCheck.class,
                        MicroProfileRegistry.class, OpenTelemetryBean.class),
                OptionalBeans.chosen(getClass().getClassLoader()));
    }

    @Test
    void withoutThemNoTracingAndNoChecks() {
        ClassLoader seesNoApi = new ClassLoader(null) {
        };
        assertEquals(List.of(NoTracing.class), OptionalBeans.chosen(seesNoApi));
    }
}
