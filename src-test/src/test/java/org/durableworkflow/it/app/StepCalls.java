package org.durableworkflow.it.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often each step body really ran, per run, so that tests can prove replay never runs it again. */
public final class StepCalls {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private StepCalls() {
    }

    static void record(String runId, String step) {
        CALLS.computeIfAbsent(runId + "/" + step, k -> new AtomicInteger()).incrementAndGet();
    }

    public static int count(String runId, String step) {
        AtomicInteger n = CALLS.get(runId + "/" + step);
        return n == null ? 0 : n.get();
    }
}
