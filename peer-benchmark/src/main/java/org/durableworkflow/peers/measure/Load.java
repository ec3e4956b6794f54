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

/** The client side: calls on a fixed number of client threads, at full speed or at a fixed rate. */
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
    private final ExecutorService pool;

    public Load(int clients) {
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
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
            workers.add(pool.submit(() -> {
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
            calls.add(pool.submit(() -> {
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
    public void close() {
        pool.shutdownNow();
    }
}
