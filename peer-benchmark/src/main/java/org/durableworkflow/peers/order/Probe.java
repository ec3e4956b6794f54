package org.durableworkflow.peers.order;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Where the peers' workflow code reports the moments the figures are made of. Step 3 takes
 * {@code System.nanoTime()} (same clock as the notifier's), the wait and the timeout branch take wall-clock time (a
 * timer deadline is wall-clock time).
 */
public final class Probe {

    private final ConcurrentHashMap<Integer, Long> resumedNanos = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Long> waitBeganMillis = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Long> timedOutMillis = new ConcurrentHashMap<>();
    // A set, not a counter: an engine may run a step again after a conflict, and a run finishes once.
    private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
    // Off while filling memory with waiting runs, so the probe's own maps are not what is measured.
    private volatile boolean recording = true;

    public void recording(boolean on) {
        recording = on;
    }

    /** Just before the run starts to wait. */
    public void waitBegins(int run) {
        if (recording) waitBeganMillis.put(run, System.currentTimeMillis());
    }

    /** In step 3, the first step after the wait. */
    public void resumed(int run) {
        if (recording) resumedNanos.putIfAbsent(run, System.nanoTime());
    }

    /** In the timeout branch. */
    public void timedOut(int run) {
        if (recording) timedOutMillis.putIfAbsent(run, System.currentTimeMillis());
        finished.add(run);
    }

    /** In step 4, the last step. */
    public void finished(int run) {
        finished.add(run);
    }

    public Long resumedNanos(int run) {
        return resumedNanos.get(run);
    }

    public Long waitBeganMillis(int run) {
        return waitBeganMillis.get(run);
    }

    public Long timedOutMillis(int run) {
        return timedOutMillis.get(run);
    }

    /** Runs that passed their last step (step 4 or the timeout branch) since the last reset, each counted once. */
    public int finishedCount() {
        return finished.size();
    }

    public void reset() {
        resumedNanos.clear();
        waitBeganMillis.clear();
        timedOutMillis.clear();
        finished.clear();
        recording = true;
    }
}
