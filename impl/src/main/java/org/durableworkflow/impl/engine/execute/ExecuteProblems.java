package org.durableworkflow.impl.engine.execute;

/** The catalogue of the executions' messages, each with its code. */
final class ExecuteProblems {

    private ExecuteProblems() {
    }

    /** The workflow caught the signal that suspends it instead of letting it propagate. */
    static String suspendSignalCaught() {
        return "DWF0104: the workflow caught the signal that suspends it (catch Throwable or Error around a wait?);"
                + " let it propagate";
    }

    /** The log line of a run the database stopped, resumed when its lease expires. */
    static String stoppedByDatabase(String runId, String cause) {
        return "DWF0601: run " + runId + " stopped by the database (" + cause
                + "); it is resumed when its lease expires";
    }

    /** The log line of a run whose execution failed unexpectedly, left to recovery. */
    static String notExecuted(String runId) {
        return "DWF0603: run " + runId + " could not be executed; recovery will retry";
    }

    /** The log line of a run whose workflow no deployment here defines: it waits, runnable, for one that does. */
    static String notDeployed(String workflowName, String runId, long retryMinutes) {
        return "DWF0611: workflow " + workflowName + " is not deployed; run " + runId + " stays runnable, and"
                + " executes when a deployment defines it again (at this server's next start, or within "
                + retryMinutes + " min on any server)";
    }
}
