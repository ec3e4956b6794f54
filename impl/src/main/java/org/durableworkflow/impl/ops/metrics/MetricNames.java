package org.durableworkflow.impl.ops.metrics;

import org.durableworkflow.api.RunStatus;

/**
 * The metrics' names, descriptions and labels, the same through every API. Names carry no unit and no
 * {@code _total}: each API's Prometheus output adds them (counters end in {@code _total}, timers in
 * {@code _seconds}); docs/metrics.md lists the names as scraped.
 */
final class MetricNames {

    static final String PREFIX = "durable_workflow_";
    static final String WORKFLOW = "workflow";
    static final String STEP = "step";
    static final String OUTCOME = "outcome";

    static final String RUNS_STARTED = PREFIX + "runs_started";
    static final String RUNS_COMPLETED = PREFIX + "runs_completed";
    static final String RUNS_FAILED = PREFIX + "runs_failed";
    static final String RUNS_CANCELLED = PREFIX + "runs_cancelled";
    static final String RUNS_WAITING = PREFIX + "runs_waiting";
    static final String RUNS_RUNNABLE = PREFIX + "runs_runnable";
    static final String NOTIFIES = PREFIX + "notifies";
    static final String NOTIFY_TO_RESUMED = PREFIX + "notify_to_resumed";
    static final String STEP_DURATION = PREFIX + "step_duration";
    static final String STEP_RETRIES = PREFIX + "step_retries";
    static final String TIMEOUTS_FIRED = PREFIX + "timeouts_fired";
    static final String TIMEOUT_LATENESS = PREFIX + "timeout_lateness";
    static final String RECOVERY_CLAIMS = PREFIX + "recovery_claims";
    static final String DATABASE_UNAVAILABLE = PREFIX + "database_unavailable";

    private MetricNames() {
    }

    /** The counter of runs that ended as {@code status}; {@code null} for a status that is not an end. */
    static String endedCounter(RunStatus status) {
        return switch (status) {
            case COMPLETED -> RUNS_COMPLETED;
            case FAILED -> RUNS_FAILED;
            case CANCELLED -> RUNS_CANCELLED;
            default -> null;
        };
    }

    /** The value of the {@value #OUTCOME} label of a notify. */
    static String outcomeLabel(WorkflowMetrics.NotifyOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String description(String name) {
        return switch (name) {
            case RUNS_STARTED -> "Runs started, by workflow";
            case RUNS_COMPLETED -> "Runs that completed, by workflow";
            case RUNS_FAILED -> "Runs that failed, by workflow (after their failure handler, if any)";
            case RUNS_CANCELLED -> "Runs cancelled, by workflow";
            case RUNS_WAITING -> "Runs waiting for an event or a timer, in the whole cluster (read every few seconds)";
            case RUNS_RUNNABLE -> "Runs executing or due to execute, in the whole cluster (read every few seconds)";
            case NOTIFIES -> "Notifies, by outcome: resumed waiters, kept for a later wait, or nobody waiting";
            case NOTIFY_TO_RESUMED -> "From a notify settling a wait to its run executing again, by workflow";
            case STEP_DURATION -> "Duration of a step's last attempt, by workflow and step";
            case STEP_RETRIES -> "Step attempts that threw and are tried again, by workflow and step";
            case TIMEOUTS_FIRED -> "Wait timeouts and sleeps that ended at their deadline";
            case TIMEOUT_LATENESS -> "How late after its deadline a timeout was taken";
            case RECOVERY_CLAIMS -> "Runs the recovery sweep claimed because nobody held them";
            case DATABASE_UNAVAILABLE -> "REST calls answered 503 because the database was unreachable";
            default -> name;
        };
    }
}
