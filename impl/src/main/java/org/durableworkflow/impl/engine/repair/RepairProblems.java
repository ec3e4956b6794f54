package org.durableworkflow.impl.engine.repair;

import org.durableworkflow.api.RunStatus;

/** The catalogue of the reasons a run cannot be resumed or forked, each with its code. */
final class RepairProblems {

    private RepairProblems() {
    }

    /** Only a failed run can be resumed. */
    static String notFailed(String runId, RunStatus status) {
        return "DWF0106: run '" + runId + "' is " + status + "; only a FAILED run can be resumed";
    }

    /** A fork must start within the journal, or just after its end. */
    static String sequenceOutside(String runId, int fromSequence, int lastSequence) {
        return "DWF0107: 'fromSequence' must be from 1 to " + (lastSequence + 1) + " for run '" + runId + "', got "
                + fromSequence;
    }
}
