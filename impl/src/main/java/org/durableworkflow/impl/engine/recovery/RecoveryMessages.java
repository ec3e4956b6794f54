package org.durableworkflow.impl.engine.recovery;

import org.durableworkflow.impl.config.WorkflowConfig;

import java.time.Duration;

/** The catalogue of the log lines of the application's start and of the recovery sweeps, each with its code. */
final class RecoveryMessages {

    private RecoveryMessages() {
    }

    /** Token authentication is on but no token is configured, so the REST endpoints refuse every call. */
    static String noRestToken() {
        return "DWF0700: no " + WorkflowConfig.PREFIX + "rest.token is configured: the REST endpoints refuse every"
                + " call until one is";
    }

    /** REST authentication is off. */
    static String restAuthNone() {
        return "DWF0701: " + WorkflowConfig.PREFIX + "rest.auth=none: the REST endpoints answer anyone";
    }

    /** The recovery sweeps could not be scheduled. */
    static String notRunning(String cause) {
        return "DWF0702: recovery is not running: " + cause;
    }

    /** A sweep claimed runnable runs that no server was executing. */
    static String claimed(int runs) {
        return "DWF0703: recovery claimed " + runs + " runnable runs nobody was executing";
    }

    /** A sweep failed; the next one comes after the interval. */
    static String sweepFailed(Duration interval, String cause) {
        return "DWF0704: recovery sweep failed, next one in " + interval + ": " + cause;
    }

    /** The workflow tables could not be created. */
    static String tablesNotCreated(String cause) {
        return "DWF0706: the workflow tables could not be created: " + cause;
    }

    /** REST callers are authenticated by the container and need these roles. */
    static String containerAuth(String adminRole, String notifyRole) {
        return "DWF0707: REST callers are authenticated by the application's security and need the role " + adminRole
                + " (" + notifyRole + " for notify and waiters)";
    }

    /** A sweep deleted runs ended longer ago than the retention. */
    static String endedRunsDeleted(int runs, Duration retention) {
        return "DWF0709: deleted " + runs + " runs that ended more than " + retention + " ago";
    }

    /** Deleting ended runs failed; the next try comes after the interval. */
    static String deletingFailed(Duration interval, String cause) {
        return "DWF0710: deleting ended runs failed, next try in " + interval + ": " + cause;
    }

    /** An overdue waiter could not be timed out by the sweep. */
    static String overdueNotTimedOut(long waiterId, String cause) {
        return "DWF0711: the overdue waiter " + waiterId + " could not be timed out: " + cause;
    }

    /** The indexes used to delete ended runs could not be created. */
    static String endedRunsIndexesNotCreated(String cause) {
        return "DWF0712: the indexes to delete ended runs could not be created: " + cause;
    }

    /** The application stops: executions not begun were left to other servers; those under way get the grace. */
    static String stopping(int dropped, int executing, Duration grace) {
        return "DWF0730: stopping: " + dropped + " executions not begun are left to the cluster; waiting up to "
                + grace + " for " + executing + " under way";
    }

    /** The leases of this server's runnable runs were released, but those of runs still executing. */
    static String stopped(int released, int stillExecuting) {
        return "DWF0731: stopped: released the leases of " + released + " runnable runs; " + stillExecuting
                + " still executing keep theirs until they lapse";
    }

    /** The leases could not be released as the application stopped: its runs wait for them to lapse. */
    static String leasesNotReleased(String cause) {
        return "DWF0732: the leases of this server's runs could not be released as it stopped; other servers claim"
                + " its runs once they lapse: " + cause;
    }
}
