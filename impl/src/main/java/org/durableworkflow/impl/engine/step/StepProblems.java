package org.durableworkflow.impl.engine.step;

/** The catalogue of the steps' messages, each with its code. */
final class StepProblems {

    private StepProblems() {
    }

    /** A workflow-only operation was called inside a step. */
    static String insideStep(String operation) {
        return "DWF0103: " + operation + " cannot be called inside a step; call it from the @Workflow method";
    }

    /** The log line of a run cancelled (or ended) while it paused before retrying a step. */
    static String stoppedBeforeRetry(String runId, String stepName) {
        return noLongerRunning(runId) + "before a retry of its step '" + stepName + "'; the run goes no further";
    }

    /** The log line of a run cancelled (or ended) while a durable call of it ran. */
    static String stoppedAfterCall(String runId, String callName) {
        return noLongerRunning(runId) + "after its call '" + callName
                + "'; its transaction is rolled back and the run goes no further";
    }

    /** The log line of a step that failed and is retried after a pause. */
    static String retrying(String stepName, String runId, int attempt, int attempts, long pauseMillis,
            Exception cause) {
        return "DWF0610: step '" + stepName + "' of run " + runId + " failed (attempt " + attempt + " of " + attempts
                + "), retrying in " + pauseMillis + " ms: " + cause;
    }

    private static String noLongerRunning(String runId) {
        return "DWF0609: run " + runId + " is no longer running (cancelled?) ";
    }

    /** A sleepUntil without an instant, or with one more than 100 years ahead. */
    static String sleepUntilTooFar(java.time.Instant until) {
        return "DWF0203: sleepUntil needs an instant at most 36500d (100 years) ahead, got '" + until + "'";
    }
}
