package org.durableworkflow.impl.ops.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Spans through the OpenTelemetry API that MicroProfile Telemetry gives the application: one per execution of a run
 * and one per new step inside it. The request that makes a run runnable leaves its span's {@code traceparent} on the
 * run's row, and the run's next execution links to it, on whichever server and thread it executes.
 */
@ApplicationScoped
public class OpenTelemetryTracing implements RunTracing {

    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("workflow.run.id");
    static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("workflow.name");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("workflow.step.name");
    static final AttributeKey<String> STEP_TYPE = AttributeKey.stringKey("workflow.step.type");
    static final AttributeKey<Long> SEQUENCE = AttributeKey.longKey("workflow.step.sequence");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("workflow.outcome");
    static final AttributeKey<String> LINK = AttributeKey.stringKey("workflow.link");

    @Inject
    Instance<Tracer> tracers;

    private Tracer tracer;

    @PostConstruct
    void chooseTracer() {
        // MicroProfile Telemetry produces the Tracer; a deployment with the API classes but not the feature has none
        tracer = tracers.isResolvable() ? tracers.get() : null;
    }

    @Override
    public Span execution(String runId, String workflow, String causeTraceParent) {
        if (tracer == null) {
            return NONE;
        }
        SpanBuilder builder = tracer.spanBuilder("execute " + workflow)
                .setAttribute(RUN_ID, runId).setAttribute(WORKFLOW, workflow);
        SpanContext cause = TraceParents.parse(causeTraceParent);
        if (cause != null) {
            builder.addLink(cause, Attributes.of(LINK, "made runnable by"));
        }
        return new Started(builder.startSpan());
    }

    @Override
    public Span step(String runId, String workflow, String step, String stepType, int sequence) {
        if (tracer == null) {
            return NONE;
        }
        return new Started(tracer.spanBuilder("step " + step).setAttribute(RUN_ID, runId)
                .setAttribute(WORKFLOW, workflow).setAttribute(STEP, step).setAttribute(STEP_TYPE, stepType)
                .setAttribute(SEQUENCE, (long) sequence).startSpan());
    }

    @Override
    public String currentTraceParent() {
        return tracer == null ? null
                : TraceParents.format(io.opentelemetry.api.trace.Span.current().getSpanContext());
    }

    /** A span made current on this thread until closed. */
    private static final class Started implements Span {
        private final io.opentelemetry.api.trace.Span span;
        private final Scope scope;

        Started(io.opentelemetry.api.trace.Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
        }

        @Override
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }

        @Override
        public void outcome(String outcome) {
            span.setAttribute(OUTCOME, outcome);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
