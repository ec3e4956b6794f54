package org.durableworkflow.impl.rest;

import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.ListedRun;

/** A run in a listing: what it is and where it stands, without its input, output and steps. */
public record RunSummary(String workflowRunId, String workflowName, RunStatus status, long createdAt, long updatedAt) {

    static RunSummary of(ListedRun run) {
        return new RunSummary(run.runId(), run.workflowName(), run.status(), run.createdAt(), run.updatedAt());
    }
}
