package org.durableworkflow.api.exception;

/**
 * A replayed durable call does not match the journal: a step was renamed, or durable calls were reordered, added or
 * removed while the run was in flight. The run is failed; it never receives another step's result.
 */
public class NonDeterminismException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String workflowRunId;
    private final int sequence;
    private final String expected;
    private final String found;

    public NonDeterminismException(String workflowRunId, int sequence, String expected, String found) {
        super("DWF0101: run " + workflowRunId + " is not deterministic at step " + sequence
                + ": the journal has " + expected + " but the workflow now calls " + found);
        this.workflowRunId = workflowRunId;
        this.sequence = sequence;
        this.expected = expected;
        this.found = found;
    }

    public String workflowRunId() {
        return workflowRunId;
    }

    /** The step's sequence number in the run, from 1. */
    public int sequence() {
        return sequence;
    }

    /** The journaled call, {@code TYPE 'name'}. */
    public String expected() {
        return expected;
    }

    /** The call the workflow made on replay, {@code TYPE 'name'}. */
    public String found() {
        return found;
    }
}
