package org.durableworkflow.it.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls made at a fixed rate, for the benchmarks' starts and notifies: from this JVM ({@link SampleLoad}) and from
 * inside the server ({@link InProcessLoad}, which is why it is deployed with the sample WAR too).
 */
final class PacedCalls {

    /** One call of a numbered series. */
    @FunctionalInterface
    interface IntCall {
        void accept(int i) throws Exception;
    }

    private PacedCalls() {
    }

    /** Submits {@code call(i)} for i in 0..n-1 to {@code executor}, the i-th at i / perSecond s; waits for all. */
    static void atRate(ExecutorService executor, int n, int perSecond, IntCall call) throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LockSupport.parkNanos(start + i * 1_000_000_000L / perSecond - System.nanoTime());
            int number = i;
            calls.add(executor.submit(() -> {
                call.accept(number);
                return null;
            }));
        }
        for (Future<?> sent : calls) {
            sent.get();
        }
    }
}
