package org.durableworkflow.impl.ops.tracing;

/**
 * What the engine tells a tracer: an execution of a run, each new step in it, and the span of the request that
 * made a run runnable, which the run stores so that its execution's span links to it. The implementation is chosen at start: OpenTelemetry when
 * the application has MicroProfile Telemetry, {@link NoTracing} otherwise ({@code ops.Optionals}).
 */
public interface RunTracing {

    /** A span begun by the tracer; closing it ends it. */
    interface Span extends AutoCloseable {

        /** Marks the span as failed with {@code error}. */
        void failed(Throwable error);

        /** Adds an attribute known only at the end, such as how an execution ended. */
        void outcome(String outcome);

        @Override
        void close();
    }

    /** A span that records nothing. */
    Span NONE = new Span() {
        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void outcome(String outcome) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Begins the span of one execution of run {@code runId}, linked to the span that made it runnable (a start, a
     * notify, a resume), given as the W3C {@code traceparent} stored with the run, if any.
     */
    Span execution(String runId, String workflow, String causeTraceParent);

    /** Begins the span of step {@code step} (a new one, not a replay) within the current execution. */
    Span step(String runId, String workflow, String step, String stepType, int sequence);

    /**
     * The current span as a W3C {@code traceparent}, stored with a run that the current request makes runnable, so
     * that its execution links to it on whichever server executes it; {@code null} when nothing is traced.
     */
    String currentTraceParent();
}
