package org.durableworkflow.api;

/**
 * Why a run failed, as its {@link OnFailure} handler receives it.
 *
 * @param workflowRunId the run
 * @param workflowName  its workflow
 * @param stepName      the step whose failure ended the run, or {@code null} when the run failed outside a step
 * @param sequence      that step's sequence in the journal, or {@code null}
 * @param error         the error, as the run's details show it
 */
public record WorkflowFailure(String workflowRunId, String workflowName, String stepName, Integer sequence,
                              String error) {
}
