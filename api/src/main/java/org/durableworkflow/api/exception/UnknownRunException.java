package org.durableworkflow.api.exception;

/**
 * No run has the requested id: it was never started, or it ended and was deleted after
 * {@code durable-workflow.runs.retention}.
 */
public class UnknownRunException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowRunId;

    public UnknownRunException(String workflowRunId) {
        super("DWF0105: no run '" + workflowRunId + "'");
        this.workflowRunId = workflowRunId;
    }

    /** The id asked for. */
    public String workflowRunId() {
        return workflowRunId;
    }
}
