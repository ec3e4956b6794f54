package org.durableworkflow.impl.store;

import org.durableworkflow.api.RunStatus;

/**
 * Which runs a listing shows; {@code null} fields filter nothing.
 *
 * @param status       the runs in this status
 * @param workflowName the runs of this workflow
 * @param runId        the run of this id (a search: one run or none)
 * @param eventId      the runs that wait or waited for this event id
 */
public record RunFilter(RunStatus status, String workflowName, String runId, String eventId) {

    /** No filter: every run. */
    public static final RunFilter ALL = new RunFilter(null, null, null, null);
}
