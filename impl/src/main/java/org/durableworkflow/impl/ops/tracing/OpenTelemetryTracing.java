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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spans through the OpenTelemetry API that MicroProfile Telemetry gives the application: one per execution of a run
 * and one per new step inside it. When a notify makes a run runnable, the notify's span is remembered for the run,
 * and the run's next execution links to it, on whichever thread it executes.
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
    /** Notifies whose run has not executed yet are few; past this many, the oldest links are not kept. */
    static final int MAX_PENDING_LINKS = 10_000;

    @Inject
    Instance<Tracer> tracers;

    private final Map<String, SpanContext> resumedBy = new ConcurrentHashMap<>();
    private Tracer tracer;

    @PostConstruct
    void chooseTracer() {
        // MicroProfile Telemetry produces the Tracer; a deployment with the API classes but not the feature has none
        tracer = tracers.isResolvable() ? tracers.get() : null;
    }

    @Override
    public Span execution(String runId, String workflow) {
        if (tracer == null) {
            return NONE;
        }
        SpanBuilder builder = tracer.spanBuilder("execute " + workflow)
                .setAttribute(RUN_ID, runId).setAttribute(WORKFLOW, workflow);
        SpanContext notify = resumedBy.remove(runId);
        if (notify != null) {
            builder.addLink(notify, Attributes.of(LINK, "resumed by notify"));
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
    public void resumedHere(String runId) {
        SpanContext current = io.opentelemetry.api.trace.Span.current().getSpanContext();
        if (tracer == null || !current.isValid()) {
            return;
        }
        if (resumedBy.size() >= MAX_PENDING_LINKS) {
            resumedBy.clear(); // runs resumed but never executed here (another server took them): forget them
        }
        resumedBy.put(runId, current);
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
