package org.durableworkflow.impl.engine.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this server holds: handed over to execute here, or executing here. The recovery sweep renews their leases;
 * a run left out while it waits or executes here could be claimed and executed by another server as well. A run is
 * held from its hand-over (or the start of an execution on the caller's thread) until that execution ended, and a
 * run handed on from one to the next is held by the next before the first lets go, so that a sweep reading the runs
 * at any moment sees it.
 */
final class HeldRuns {

    /** How many hand-overs and executions hold each run. */
    private final ConcurrentHashMap<String, Integer> holds = new ConcurrentHashMap<>();

    void hold(String runId) {
        holds.merge(runId, 1, Integer::sum);
    }

    void release(String runId) {
        holds.computeIfPresent(runId, (id, count) -> count == 1 ? null : count - 1);
    }

    Set<String> runIds() {
        return Set.copyOf(holds.keySet());
    }
}
