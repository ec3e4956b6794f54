package org.durableworkflow.impl.engine.result;

import java.time.Duration;

/** The catalogue of the messages of awaiting results, each with its code. */
final class ResultProblems {

    private ResultProblems() {
    }

    /** A completed run's output does not read as the type the caller asked for. */
    static String outputUnreadable(String runId, Class<?> type, String cause) {
        return "DWF0221: the output of run " + runId + " cannot be read as " + type.getName() + ": " + cause;
    }

    /** An await without a wait, or with a negative one. */
    static String maxWaitNegative(Duration maxWait) {
        return "DWF0201: maxWait must be zero or positive, got '" + maxWait + "'";
    }

    /** The log line of a failed periodic read of the runs awaited here. */
    static String awaitedReadFailed(long nextTryMillis, String cause) {
        return "DWF0612: the awaited runs could not be read; next try in " + nextTryMillis + " ms: " + cause;
    }
}
