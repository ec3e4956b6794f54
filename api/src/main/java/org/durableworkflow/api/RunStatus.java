package org.durableworkflow.api;

/** Where a workflow run stands. */
public enum RunStatus {
    /** Runnable: executing now, or about to be resumed by the server that holds its lease. */
    RUNNING,
    /** Suspended in {@code waitForEvent} or {@code sleep}; holds no thread. */
    WAITING,
    /** The workflow method returned; final. */
    COMPLETED,
    /** The workflow method threw, or the run broke a determinism rule; final. */
    FAILED,
    /** Cancelled by a caller; final, never resumed. */
    CANCELLED;

    /** Whether the run can no longer change. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
