package org.durableworkflow.impl.rest;

import org.durableworkflow.impl.store.WaiterEntity;

/** A waiting waiter in a listing; {@code deadline} in epoch milliseconds. */
public record WaiterSummary(String eventId, String workflowRunId, String stepName, long deadline, long createdAt) {

    static WaiterSummary of(WaiterEntity waiter) {
        return new WaiterSummary(waiter.eventId(), waiter.runId(), waiter.stepName(), waiter.deadline(),
                waiter.createdAt());
    }
}
