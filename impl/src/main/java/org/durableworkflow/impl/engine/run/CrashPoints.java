package org.durableworkflow.impl.engine.run;

import java.util.logging.Logger;

/**
 * Fault injection for crash tests: when the system property {@code durable-workflow.crash-at} (environment
 * {@code DURABLE_WORKFLOW_CRASH_AT}) names a point this server reaches, its JVM halts there at once, as
 * {@code kill -9} would, with no shutdown hooks and no commit. Unset, as in any real deployment, a check is one
 * comparison with {@code null}.
 *
 * <p>Points: {@code step-done:<step>} (the step's work returned inside its transaction, its journal row not yet
 * written or committed), {@code waiter-committed:<step>} (the waiter committed, the run suspended),
 * {@code notify-committed:<eventId>} (a notify committed, its runs not yet resumed).
 */
public final class CrashPoints {

    private static final Logger LOG = Logger.getLogger(CrashPoints.class.getName());
    private static final String ARMED = armedPoint();

    private CrashPoints() {
    }

    /** Halts the JVM when {@code point + ":" + name} is the armed point. */
    public static void reached(String point, String name) {
        if (ARMED != null && ARMED.equals(point + ":" + name)) {
            LOG.severe(RunProblems.crashPointReached(ARMED));
            Runtime.getRuntime().halt(137);
        }
    }

    /** Whether a crash test armed any point; lets a hot path skip registering a check it would never need. */
    public static boolean armed() {
        return ARMED != null;
    }

    private static String armedPoint() {
        String value = System.getProperty("durable-workflow.crash-at", System.getenv("DURABLE_WORKFLOW_CRASH_AT"));
        return value == null || value.isBlank() ? null : value.trim();
    }
}
