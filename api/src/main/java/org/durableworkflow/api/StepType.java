package org.durableworkflow.api;

/** The kinds of durable call a run journals. */
public enum StepType {
    /** A {@link DurableStep} method or {@code WorkflowContext.run}. */
    STEP,
    /** {@code WorkflowContext.waitForEvent}. */
    WAIT,
    /** {@code WorkflowContext.notify}. */
    NOTIFY,
    /** {@code WorkflowContext.sleep}. */
    SLEEP,
    /** {@code WorkflowContext.patched}: the marker of a run that took a patch's new code. */
    PATCH,
    /** The run failed and its {@link OnFailure} handler runs next; the result holds the {@link WorkflowFailure}. */
    FAILURE
}
