package org.durableworkflow.impl.ops.metrics;

import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.RunStore;

import java.util.Map;

/**
 * The cluster's runs waiting and runnable, as last read from the database. The gauges read these fields, never the
 * database: a scrape costs nothing, and {@link MetricsSelection} refreshes them every {@link #REFRESH_SECONDS}
 * seconds, one statement on each server however often it is scraped.
 */
final class RunCounts {

    static final int REFRESH_SECONDS = 5;

    private volatile long waiting;
    private volatile long runnable;

    void refresh(RunStore runs) {
        Map<RunStatus, Long> counts = runs.countWaitingAndRunning();
        waiting = counts.getOrDefault(RunStatus.WAITING, 0L);
        runnable = counts.getOrDefault(RunStatus.RUNNING, 0L);
    }

    long waiting() {
        return waiting;
    }

    long runnable() {
        return runnable;
    }
}
