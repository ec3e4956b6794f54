package org.durableworkflow.impl.ops.tracing;

/**
 * What the engine tells a tracer: an execution of a run, each new step in it, and the notify that made a run
 * runnable, so the execution's span links to the notify's. The implementation is chosen at start: OpenTelemetry when
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

    /** Begins the span of one execution of run {@code runId}, linked to the notify that resumed it, if any. */
    Span execution(String runId, String workflow);

    /** Begins the span of step {@code step} (a new one, not a replay) within the current execution. */
    Span step(String runId, String workflow, String step, String stepType, int sequence);

    /** Notes that the current request (a notify) made run {@code runId} runnable: its next execution links to it. */
    void resumedHere(String runId);
}
