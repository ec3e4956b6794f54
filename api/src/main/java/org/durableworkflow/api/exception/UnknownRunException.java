package org.durableworkflow.api.exception;

/** No run has the requested id: it never existed, or it ended and was deleted ({@code runs.retention}). */
public class UnknownRunException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowRunId;

    public UnknownRunException(String workflowRunId) {
        super("DWF0105: no run '" + workflowRunId + "'");
        this.workflowRunId = workflowRunId;
    }

    public String workflowRunId() {
        return workflowRunId;
    }
}
