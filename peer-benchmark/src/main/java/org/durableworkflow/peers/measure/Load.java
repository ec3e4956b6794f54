package org.durableworkflow.peers.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side: calls on a fixed number of client threads, at full speed or at a fixed rate. The threads end at
 * {@link #endThreads} (before each memory reading: they are the benchmark's, not the engine's) and start again at the
 * next call, as this project's in-process load ends its threads after each call.
 */
public final class Load implements AutoCloseable {

    /** A call for one run. */
    public interface RunCall {
        void call(int run) throws Exception;
    }

    /** A count read from the peer or the probe. */
    public interface Count {
        int get() throws Exception;
    }

    private static final Duration LEFT_BEHIND_AFTER = Duration.ofMinutes(1);

    private final int clients;
    private ExecutorService pool;

    public Load(int clients) {
        this.clients = clients;
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(clients);
        }
        return pool;
    }

    /**
     * Ends the client threads, waiting up to 10 s for calls still under way (a call left behind by
     * {@link #fullSpeedUntil} may still run, and then its thread is counted).
     */
    public synchronized void endThreads() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            pool = null;
        }
    }

    /** Calls {@code call} for runs {@code from} to {@code to - 1}, as fast as the client threads go. */
    public void fullSpeed(int from, int to, RunCall call) throws Exception {
        fullSpeedUntil(from, to, Long.MAX_VALUE, call);
    }

    /**
     * As {@link #fullSpeed}, but no call starts once {@code System.nanoTime()} has passed {@code deadline}, and calls
     * still under way a minute after it are left behind (a peer may retry a call for many minutes). Returns how many
     * calls returned.
     */
    public int fullSpeedUntil(int from, int to, long deadline, RunCall call) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger made = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool().submit(() -> {
                for (int run = next.getAndIncrement(); run < to && System.nanoTime() < deadline;
                        run = next.getAndIncrement()) {
                    call.call(run);
                    made.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            if (deadline == Long.MAX_VALUE) {
                w.get();
            } else {
                try {
                    long left = Math.max(0, deadline - System.nanoTime()) + LEFT_BEHIND_AFTER.toNanos();
                    w.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    break;
                }
            }
        }
        return made.get();
    }

    /** Calls {@code call} for each run at {@code perSecond} calls a second, each on a free client thread. */
    public void paced(int from, int to, double perSecond, RunCall call) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int run = from; run < to; run++) {
            long due = start + (long) ((run - from) * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            int r = run;
            calls.add(pool().submit(() -> {
                call.call(r);
                return null;
            }));
        }
        for (Future<?> c : calls) c.get();
    }

    /** Waits until {@code count} reaches {@code target}; returns the nanoTime it was seen there. */
    public static long await(Count count, int target, Duration cap, Duration poll) throws Exception {
        long deadline = System.nanoTime() + cap.toNanos();
        int seen = count.get();
        while (seen < target) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reached " + seen + " of " + target + " within " + cap);
            }
            Thread.sleep(poll.toMillis());
            seen = count.get();
        }
        return System.nanoTime();
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
