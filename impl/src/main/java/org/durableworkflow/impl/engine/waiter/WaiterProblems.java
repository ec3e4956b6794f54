package org.durableworkflow.impl.engine.waiter;

import org.durableworkflow.api.RunStatus;

/** The catalogue of the waits' and notifies' messages, each with its code. */
final class WaiterProblems {

    private WaiterProblems() {
    }

    /** A notify names a run that has ended. */
    static String runEnded(String runId, RunStatus status) {
        return "DWF0220: run " + runId + " has ended (" + status + "); a notify for it is not kept";
    }

    /** A waiter was settled while its run was not waiting. */
    static String runNotWaiting(Long waiterId, String runId) {
        return "DWF0605: waiter " + waiterId + " of run " + runId + " was waiting but its run was not; nothing is"
                + " changed";
    }

    /** The log line of a kept event the waiting run cannot read as its type. */
    static String eventStaysKept(String eventId, String runId, String eventType) {
        return "DWF0607: an event kept for " + eventId + " stays kept: run " + runId + " waits for it as " + eventType
                + " and cannot read its data";
    }

    /** The log line of a kept event not delivered now, left to the recovery sweep. */
    static String keptEventNotDelivered(String cause) {
        return "DWF0608: a kept event was not delivered now; the recovery sweep tries again: " + cause;
    }
}
