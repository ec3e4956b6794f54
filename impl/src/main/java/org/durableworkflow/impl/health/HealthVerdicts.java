package org.durableworkflow.impl.health;

import org.durableworkflow.impl.time.Clock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decisions of the health checks, apart from where their inputs come from, so that a fake clock tests them.
 * Liveness is about the engine, never the database: a database outage makes a server unready, not dead, so that it is
 * not restarted for what a restart cannot mend.
 */
public final class HealthVerdicts {

    /** The sweeps are wedged once none ended for this many recovery intervals. */
    public static final int STALE_INTERVALS = 5;
    /** The longest the readiness check waits for the database. */
    public static final Duration PROBE_LIMIT = Duration.ofSeconds(2);

    /** The readiness check's question to the database. */
    @FunctionalInterface
    public interface Database {
        /** When the longest runnable run became runnable (epoch millis), {@code null} when none is. */
        Long oldestRunnableSince() throws Exception;
    }

    private final Clock clock;

    public HealthVerdicts(Clock clock) {
        this.clock = clock;
    }

    /**
     * UP unless the recovery sweeps have not ended for {@link #STALE_INTERVALS} intervals; UP before they started.
     *
     * @param lastSweepEnded when the last sweep ended, or the application started; 0 before that
     */
    public Verdict liveness(long lastSweepEnded, Duration interval) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (lastSweepEnded == 0) {
            data.put("recovery", "not started");
            return new Verdict(true, data);
        }
        long ago = Math.max(0, clock.millis() - lastSweepEnded);
        data.put("last-sweep-seconds-ago", ago / 1000);
        data.put("recovery-interval-seconds", interval.toSeconds());
        boolean up = ago <= interval.toMillis() * STALE_INTERVALS;
        if (!up) {
            data.put("reason", HealthMessages.sweepsStale(ago / 1000, STALE_INTERVALS));
        }
        return new Verdict(up, data);
    }

    /**
     * DOWN while the application stops or the database does not answer (the reason shown), UP otherwise, with the
     * executions queued here and the age of the oldest runnable run of the cluster.
     *
     * @param accepting whether this server still takes new executions (not once its application stops)
     * @param queued    executions handed over here and not begun
     * @param held      runs queued or executing here
     */
    public Verdict readiness(boolean accepting, int queued, int held, Database database) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("executions-queued", (long) queued);
        data.put("runs-held", (long) held);
        if (!accepting) {
            data.put("reason", HealthMessages.stopping());
            return new Verdict(false, data);
        }
        Long since;
        try {
            since = database.oldestRunnableSince();
        } catch (Exception e) {
            data.put("reason", HealthMessages.databaseSilent(PROBE_LIMIT, e.getMessage()));
            return new Verdict(false, data);
        }
        data.put("oldest-runnable-seconds", since == null ? 0L : Math.max(0, clock.millis() - since) / 1000);
        return new Verdict(true, data);
    }
}
