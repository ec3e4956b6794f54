package org.durableworkflow.impl.ops.tracing;

import jakarta.enterprise.context.ApplicationScoped;

/** The tracer of a deployment without MicroProfile Telemetry: every call is a constant. */
@ApplicationScoped
public class NoTracing implements RunTracing {

    @Override
    public Span execution(String runId, String workflow, String causeTraceParent) {
        return NONE;
    }

    @Override
    public Span step(String runId, String workflow, String step, String stepType, int sequence) {
        return NONE;
    }

    @Override
    public String currentTraceParent() {
        return null;
    }
}
