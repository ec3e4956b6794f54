package org.durableworkflow.impl.timer;

import java.util.List;

/** The catalogue of the timers' messages, each with its code. */
final class TimerProblems {

    private TimerProblems() {
    }

    /** The timer bean is not bound in JNDI. */
    static String noTimerBean(String jndiName) {
        return "DWF0504: the timer bean " + jndiName + " is not available;"
                + " is the enterpriseBeansPersistentTimer feature enabled?";
    }

    /** The container could not store the persistent timer of a window of deadlines. */
    static String windowNotStored(String cause) {
        return "DWF0508: the persistent timer of a window of deadlines could not be stored: " + cause;
    }

    /** The log line of waiters whose timeouts failed past retrying, left to the recovery sweep. */
    static String timeoutsLeftToRecovery(List<Long> waiterIds, String cause) {
        return "DWF0606: the timeouts of waiters " + waiterIds + " failed; the recovery sweep will retry: " + cause;
    }
}
