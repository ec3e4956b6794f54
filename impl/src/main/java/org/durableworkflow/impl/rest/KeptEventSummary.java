package org.durableworkflow.impl.rest;

import org.durableworkflow.impl.store.EventEntity;

/**
 * A kept notify in a listing; times in epoch milliseconds.
 *
 * @param workflowRunId the run it is kept for; {@code null}: the first run to wait for the id
 */
public record KeptEventSummary(String eventId, String workflowRunId, long createdAt, long expiresAt) {

    static KeptEventSummary of(EventEntity event) {
        return new KeptEventSummary(event.eventId(), event.runId(), event.createdAt(), event.expiresAt());
    }
}
