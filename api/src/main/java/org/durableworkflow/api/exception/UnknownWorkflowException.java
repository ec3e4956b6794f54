package org.durableworkflow.api.exception;

/** No {@link org.durableworkflow.api.Workflow} method of the application has the requested name. */
public class UnknownWorkflowException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowName;

    public UnknownWorkflowException(String workflowName) {
        super("DWF0102: no @Workflow named '" + workflowName + "' in this application");
        this.workflowName = workflowName;
    }

    public String workflowName() {
        return workflowName;
    }
}
