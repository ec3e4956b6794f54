package org.durableworkflow.impl.ops.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** W3C {@code traceparent} values ({@code 00-<trace id>-<span id>-<flags>}), as a run's row stores its cause. */
final class TraceParents {

    /** The length of a version-00 traceparent, and of the column that stores it. */
    static final int LENGTH = 55;

    private TraceParents() {
    }

    /** The span context as a traceparent, or {@code null} when it is not valid (no span is current). */
    static String format(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The remote span context a traceparent names, or {@code null} when it is missing or not well formed. */
    static SpanContext parse(String traceParent) {
        if (traceParent == null || traceParent.length() != LENGTH || !traceParent.startsWith("00-")) {
            return null;
        }
        SpanContext context = SpanContext.createFromRemoteParent(traceParent.substring(3, 35),
                traceParent.substring(36, 52), TraceFlags.fromHex(traceParent, 53), TraceState.getDefault());
        return context.isValid() ? context : null;
    }
}
