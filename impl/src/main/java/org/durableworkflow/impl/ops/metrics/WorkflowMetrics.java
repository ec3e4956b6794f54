package org.durableworkflow.impl.ops.metrics;

import org.durableworkflow.api.RunStatus;

/**
 * What the engine tells the metrics: one call per event an operator counts or times. The engine knows this
 * interface only; {@link MetricsSelection} picks what records behind it at start (MicroProfile Metrics,
 * OpenTelemetry, or {@link #NONE}). What changes the database (a start, an end, a notify, a timeout) is told once its
 * transaction committed; durations as they are measured. Calls come on the engine's own threads and must not block or
 * throw. A tracer could take its spans at the same points.
 */
public interface WorkflowMetrics {

    /** Records nothing: no metrics API is deployed, or {@code metrics.enabled} is {@code false}. */
    WorkflowMetrics NONE = new WorkflowMetrics() {
        @Override
        public boolean records() {
            return false;
        }
    };

    /** How a notify ended: it resumed waiters, was kept for a wait registered later, or found nobody. */
    enum NotifyOutcome {
        RESUMED, KEPT, NOBODY_WAITING
    }

    /**
     * Whether anything is recorded: when not, the engine registers no after-commit action to tell of an event, and
     * the library works as if it had no metrics.
     */
    default boolean records() {
        return true;
    }

    /** A run of {@code workflow} was started (its insert committed). */
    default void runStarted(String workflow) {
    }

    /** A run of {@code workflow} ended as {@code status}: completed, failed or cancelled. */
    default void runEnded(String workflow, RunStatus status) {
    }

    /** A notify committed with this outcome. */
    default void notified(NotifyOutcome outcome) {
    }

    /**
     * A run of {@code workflow} began to execute again after a notify settled its wait, {@code millis} after that
     * settling was journaled (wall clock, so to the millisecond, and across servers as exact as their clocks agree).
     */
    default void resumedAfterNotify(String workflow, long millis) {
    }

    /** Step {@code step} of a run of {@code workflow} ran for {@code nanos} in its last attempt, and returned or failed. */
    default void stepFinished(String workflow, String step, long nanos) {
    }

    /** Step {@code step} of a run of {@code workflow} threw and is tried again. */
    default void stepRetried(String workflow, String step) {
    }

    /** A wait's timeout (or a sleep's end) was taken {@code latenessMillis} after its deadline. */
    default void timeoutFired(long latenessMillis) {
    }

    /** The recovery sweep of this server claimed {@code runs} runs nobody held. */
    default void recoveryClaimed(int runs) {
    }

    /** A REST call was answered 503 because the database could not be reached. */
    default void databaseUnavailable() {
    }
}
