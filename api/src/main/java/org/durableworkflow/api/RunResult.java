package org.durableworkflow.api;

/**
 * What {@link WorkflowClient#awaitResult} found: the run's outcome once it ended, or where it stood when the wait
 * ran out.
 *
 * @param status the run's status: final ({@link RunStatus#isFinal()}) when the run ended, {@code RUNNING} or
 *               {@code WAITING} when it had not ended within the wait
 * @param output the run's output read as the type asked for, when it {@code COMPLETED}; {@code null} otherwise, and
 *               for a workflow method that returned {@code null} or nothing
 * @param error  why it ended when it {@code FAILED} or was {@code CANCELLED}; {@code null} otherwise
 * @param <T>    the type the output is read as
 */
public record RunResult<T>(RunStatus status, T output, String error) {

    public RunResult {
        if (status == null) {
            throw new IllegalArgumentException("a result needs a status");
        }
    }

    /** Whether the run has ended ({@code COMPLETED}, {@code FAILED} or {@code CANCELLED}): its result is final. */
    public boolean ended() {
        return status.isFinal();
    }
}
