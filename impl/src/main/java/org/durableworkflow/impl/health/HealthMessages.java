package org.durableworkflow.impl.health;

import java.time.Duration;

/** The catalogue of the reasons the health checks give for DOWN, each with its code. */
final class HealthMessages {

    private HealthMessages() {
    }

    static String databaseSilent(Duration limit, String cause) {
        return "DWF0733: the database did not answer within " + limit.toSeconds() + "s: " + cause;
    }

    static String stopping() {
        return "DWF0734: the application is stopping: this server begins no execution";
    }

    static String sweepsStale(long seconds, int intervals) {
        return "DWF0735: no recovery sweep ended for " + seconds + "s, over " + intervals
                + " intervals: the engine is wedged";
    }
}
