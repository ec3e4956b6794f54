package org.durableworkflow.impl.time;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task run again and again on a managed scheduled executor with a fixed delay between the end of one run and the
 * start of the next, as a chain of one-shot tasks instead of one periodic task. Payara gives a periodic task one
 * component invocation for all of its runs and closes, at the end of the first run, the persistence context that run
 * opened outside a transaction: every later run then fails with "closed EntityManager". A one-shot task gets an
 * invocation of its own, on every server. Unlike {@code scheduleWithFixedDelay}, a run that throws does not end the
 * chain; one that the executor refuses (the application stopping) does.
 */
public final class Repeating {

    private final ScheduledExecutorService scheduler;
    private final Runnable task;
    private final long delayMillis;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> next;

    private Repeating(ScheduledExecutorService scheduler, Runnable task, long delayMillis) {
        this.scheduler = scheduler;
        this.task = task;
        this.delayMillis = delayMillis;
    }

    /** Runs {@code task} after {@code initialDelay}, then again {@code delay} after each run ends. */
    public static Repeating start(ScheduledExecutorService scheduler, Runnable task, long initialDelay, long delay,
                                  TimeUnit unit) {
        Repeating repeating = new Repeating(scheduler, task, unit.toMillis(delay));
        repeating.schedule(unit.toMillis(initialDelay));
        return repeating;
    }

    /** No run starts after this; one under way ends as it would. */
    public void cancel() {
        cancelled = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule(long delay) {
        if (cancelled) {
            return;
        }
        try {
            next = scheduler.schedule(this::runAndScheduleNext, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            cancelled = true;
            return;
        }
        if (cancelled) {
            next.cancel(false); // cancel() ran while this run was being scheduled
        }
    }

    private void runAndScheduleNext() {
        try {
            task.run();
        } finally {
            schedule(delayMillis);
        }
    }
}
