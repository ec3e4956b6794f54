package org.durableworkflow.impl.engine.dispatch;

/** The catalogue of the dispatch's messages, each with its code. */
final class DispatchProblems {

    private DispatchProblems() {
    }

    static String handOverFailed(String runId, String cause) {
        return "DWF0600: handing run " + runId + " over failed (" + cause + "); recovery will resume it";
    }

    static String leftToRecovery(String cause) {
        return "DWF0604: follow-up work left to the recovery sweep: " + cause;
    }

    static String noExecutor(String jndiName) {
        return "DWF0505: executor " + jndiName + " is not available";
    }
}
