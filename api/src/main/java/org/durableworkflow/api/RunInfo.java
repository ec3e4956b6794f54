package org.durableworkflow.api;

import java.util.List;

/**
 * A workflow run as stored, with its journal in order.
 *
 * @param workflowRunId the run's id ({@code wfr_...} unless the caller chose one)
 * @param workflowName  the {@link Workflow} name
 * @param status        where it stands
 * @param input         its input as JSON, {@code null} for none
 * @param output        its output as JSON once completed, else {@code null}
 * @param error         why it failed, else {@code null}
 * @param createdAt     when it was started, epoch millis
 * @param updatedAt     when its status last changed, epoch millis
 * @param steps         its journal, by sequence
 */
public record RunInfo(String workflowRunId, String workflowName, RunStatus status, String input, String output,
                      String error, long createdAt, long updatedAt, List<StepInfo> steps) {

    public RunInfo {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
