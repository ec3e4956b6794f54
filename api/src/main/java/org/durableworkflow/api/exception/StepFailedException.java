package org.durableworkflow.api.exception;

/**
 * A journaled step failed when it first ran; thrown on replay in place of the original exception, whose class and
 * message it carries.
 */
public class StepFailedException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowRunId;
    private final int sequence;
    private final String stepName;

    public StepFailedException(String workflowRunId, int sequence, String stepName, String error) {
        super("step " + sequence + " '" + stepName + "' of run " + workflowRunId + " failed: " + error);
        this.workflowRunId = workflowRunId;
        this.sequence = sequence;
        this.stepName = stepName;
    }

    public String workflowRunId() {
        return workflowRunId;
    }

    public int sequence() {
        return sequence;
    }

    public String stepName() {
        return stepName;
    }
}
