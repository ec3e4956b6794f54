package org.durableworkflow.impl.store;

import org.durableworkflow.api.RunStatus;

/**
 * Where a run stands, without its input and journal: what a caller awaiting its result is answered.
 *
 * @param runId  the run
 * @param status its status; {@code null} when not read yet (a caller given up before the first read)
 * @param output its output as JSON once completed, else {@code null}
 * @param error  why it failed or was cancelled, else {@code null}
 */
public record RunState(String runId, RunStatus status, String output, String error) {

    /** Whether the run has ended. */
    public boolean ended() {
        return status != null && status.isFinal();
    }
}
