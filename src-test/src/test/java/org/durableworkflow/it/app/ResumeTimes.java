package org.durableworkflow.it.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each probed run's wait returned after its resume, in {@link System#nanoTime()}. */
public final class ResumeTimes {

    private static final Map<String, Long> RESUMED_AT = new ConcurrentHashMap<>();

    private ResumeTimes() {
    }

    static void record(String runId) {
        RESUMED_AT.putIfAbsent(runId, System.nanoTime());
    }

    public static Long of(String runId) {
        return RESUMED_AT.get(runId);
    }
}
