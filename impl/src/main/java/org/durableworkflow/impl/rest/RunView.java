package org.durableworkflow.impl.rest;

import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.StepType;

import java.util.List;

/**
 * A run as {@code GET /runs/{id}} answers it: the stored run with its steps ({@link RunInfo}'s fields), plus what an
 * operator asks next: the waiters it waits on, with their deadlines, and how its failure handler stands.
 *
 * @param waiters        the run's waiters still waiting; empty when it waits for nothing
 * @param failureHandler {@code null} when the run's failure handler never started; else {@code RUNNING} (the
 *                       run failed and its handler runs), {@code COMPLETED} (it returned), {@code FAILED} (it threw)
 *                       or {@code CANCELLED} (the run was cancelled before it ended)
 */
public record RunView(String workflowRunId, String workflowName, RunStatus status, String input, String output,
                      String error, long createdAt, long updatedAt, List<StepInfo> steps,
                      List<WaiterSummary> waiters, String failureHandler) {

    /** What {@code FailureTail} adds to the original error of a run whose handler threw. */
    private static final String HANDLER_FAILED = "; its failure handler failed: ";

    static RunView of(RunInfo run, List<WaiterSummary> waiters) {
        return new RunView(run.workflowRunId(), run.workflowName(), run.status(), run.input(), run.output(),
                run.error(), run.createdAt(), run.updatedAt(), run.steps(), waiters, failureHandler(run));
    }

    private static String failureHandler(RunInfo run) {
        if (run.steps().stream().noneMatch(step -> step.type() == StepType.FAILURE)) {
            return null;
        }
        if (run.status() == RunStatus.CANCELLED) {
            return "CANCELLED";
        }
        if (run.status() != RunStatus.FAILED) {
            return "RUNNING";
        }
        return run.error() != null && run.error().contains(HANDLER_FAILED) ? "FAILED" : "COMPLETED";
    }
}
