package org.durableworkflow.impl.engine.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Executions handed over and not begun yet, oldest first. Each hand-over also gives out one turn to take the oldest
 * waiting: to the executor, as a task; or, when {@code backlog} executions already wait and the caller said it would
 * help ({@link #helpingAfter}), to the calling thread, which takes its turn once its call returned. As many turns as
 * executions, so each execution is taken exactly once, in the order they came. A caller that helps executes the
 * oldest waiting, not the one it handed over: when other work holds the executor's threads for a while, what waits
 * longest goes first instead of last.
 */
final class ExecutionQueue {

    /** Turns the current thread takes once its call returned ({@link #helpingAfter}). */
    private static final ThreadLocal<List<Runnable>> TURNS_HERE = new ThreadLocal<>();

    /** An execution of run {@code runId} handed over and not begun. */
    private record Pending(String runId, Runnable execution) {
    }

    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Supplier<Executor> executor;
    private final IntSupplier backlog;
    private final HeldRuns held;
    /** Once closed (the application stops), executions not begun are dropped and none is taken any more. */
    private volatile boolean closed;

    /** {@code held} holds each run handed over until its execution ended. */
    ExecutionQueue(Supplier<Executor> executor, IntSupplier backlog, HeldRuns held) {
        this.executor = executor;
        this.backlog = backlog;
        this.held = held;
    }

    /**
     * Hands {@code execution}, of run {@code runId}, over.
     *
     * @throws RejectedExecutionException when the executor refused its turn or could not be had; one waiting
     *                                    execution (this one, unless another turn took it already) is dropped, left to
     *                                    the recovery sweep, and the message names its run
     */
    void handOver(String runId, Runnable execution) {
        if (closed) {
            throw new RejectedExecutionException("the application is stopping");
        }
        List<Runnable> turnsHere = TURNS_HERE.get();
        boolean here = turnsHere != null && size.get() >= backlog.getAsInt();
        Pending pending = new Pending(runId, execution);
        held.hold(runId);
        size.incrementAndGet();
        waiting.add(pending);
        if (here) {
            turnsHere.add(this::executeOldest);
            return;
        }
        try {
            executor.get().execute(this::executeOldest);
        } catch (RuntimeException | Error e) {
            Pending dropped = waiting.remove(pending) ? pending : waiting.poll();
            if (dropped != null) { // none when another turn took this one and none waits
                size.decrementAndGet();
                held.release(dropped.runId());
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new RejectedExecutionException((dropped == null ? "" : "the execution of run " + dropped.runId()
                    + " was dropped: ") + e, e);
        }
    }

    /**
     * Runs {@code call}; the turns that its hand-overs gave to this thread (a backlog was waiting) are taken on it
     * once {@code call} returned, even when it failed after a hand-over.
     */
    <T> T helpingAfter(Supplier<T> call) {
        if (TURNS_HERE.get() != null) {
            return call.get();
        }
        List<Runnable> turns = new ArrayList<>();
        TURNS_HERE.set(turns);
        try {
            return call.get();
        } finally {
            TURNS_HERE.remove();
            turns.forEach(Runnable::run);
        }
    }

    /** Executions handed over and not begun. */
    int size() {
        return size.get();
    }

    /**
     * Refuses hand-overs from now on and drops the executions not begun, releasing their runs: they stay runnable in
     * the database, for another server (or this one, restarted) to claim.
     *
     * @return how many executions were dropped
     */
    int close() {
        closed = true;
        int dropped = 0;
        for (Pending pending = waiting.poll(); pending != null; pending = waiting.poll()) {
            size.decrementAndGet();
            held.release(pending.runId());
            dropped++;
        }
        return dropped;
    }

    private void executeOldest() {
        Pending oldest = closed ? null : waiting.poll();
        if (oldest != null) {
            size.decrementAndGet();
            try {
                oldest.execution().run();
            } finally {
                held.release(oldest.runId());
            }
        }
    }
}
