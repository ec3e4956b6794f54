package org.durableworkflow.impl.timer;

import java.util.List;

/** The catalogue of the timers' messages, each with its code. */
final class TimerProblems {

    private TimerProblems() {
    }

    /** The timer bean is not bound in JNDI: the server runs no Enterprise Beans container. */
    static String noTimerBean(String jndiName) {
        return "DWF0504: the library's timer bean " + jndiName + " is not available: the server has no Enterprise"
                + " Beans container with persistent timers (Open Liberty: feature enterpriseBeansPersistentTimer-4.0;"
                + " WildFly: subsystem ejb3, as in standalone.xml, not standalone-microprofile.xml)";
    }

    /** The timer bean runs, but its container binds no timer service for it. */
    static String noTimerService(String cause) {
        return "DWF0504: the library's timer bean finds no timer service at java:comp/TimerService: " + cause;
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
