package org.durableworkflow.impl.timer;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.store.ContainerParts;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times waiters out at their deadlines from this server's memory, on the container's managed scheduler. Nothing
 * here survives the server: what it held is taken up again by a window's timer, by the start of this server or by
 * the recovery sweep of any server. A waiter settled meanwhile (notified, say) is left as it is.
 */
@ApplicationScoped
public class LocalTimeouts {

    private static final Logger LOG = Logger.getLogger(LocalTimeouts.class.getName());
    private static final long RETRY_MILLIS = 1000;
    /**
     * How early a lone timeout's task wakes before its deadline, to take a connection, read its run, replay it up to
     * the wait and wait the rest out on its own thread: handing the task to a pool thread, entering the application's
     * context, beginning a transaction and taking a connection take a millisecond or more, and at times more than 5
     * ms on a busy machine (the settling came up to 4 ms late at p99 when it woke 5 ms early, 1 to 2 with 20).
     */
    private static final long EARLY_MILLIS = 20;
    /**
     * How early the other timeouts' tasks wake: those timed out together, and a lone one that found none of the
     * {@link #EARLY_CONNECTIONS} free, which goes back to the scheduler until then, so that at most that many pool
     * threads wait out the longer margin.
     */
    private static final long NEAR_MILLIS = 5;
    /**
     * Up to this many waiters due in the same millisecond are timed out each by a task of its own, which takes its
     * run on as a lone timeout does; more are timed out one after the other by one task, their runs queued.
     */
    static final int APART_UP_TO = 4;
    /**
     * At most this many timeouts hold a connection while they wait their deadline out; more due at once take theirs
     * at the deadline, so that a burst of timeouts does not idle a pool's connections that notifies need.
     */
    static final int EARLY_CONNECTIONS = 4;

    /** Timeouts to run with the application's context, whichever thread schedules them. */
    public interface Timeout {
        void run(List<Long> waiterIds, long deadline);
    }

    @Inject
    TimeoutHandler outcomes;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    final Semaphore earlyConnections = new Semaphore(EARLY_CONNECTIONS);

    /** Looked up as the application starts; set beforehand by tests. */
    volatile ManagedScheduledExecutorService scheduler;
    volatile Timeout timeout;

    /**
     * Takes the scheduler and the application's context while the application starts: timeouts are scheduled when
     * a transaction completes, which may happen on a thread that has neither (a persistent timer's, for one).
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ready();
    }

    /** Takes them now if the start has not yet (another bean's start may schedule a timeout first). */
    private synchronized Timeout ready() {
        if (timeout == null) {
            scheduler = Transactions.lookup(ContainerParts.SCHEDULER);
            ContextService context = Transactions.lookup(ContainerParts.CONTEXT_SERVICE);
            timeout = context.createContextualProxy((Timeout) this::timeOut, Timeout.class);
        }
        return timeout;
    }

    /** Times waiter {@code waiterId} out at {@code deadline}, or now when that has passed. */
    public void timeOutAt(long waiterId, long deadline) {
        timeOutAt(List.of(waiterId), deadline);
    }

    /**
     * Times waiters due at the same moment out: a few each by a task of its own, so that each is on time and takes
     * its run on (timed out one after the other, the second would be queued behind the first's execution and come a
     * few milliseconds late); many one after the other from one task, so that a window of a second needs at most a
     * few thousand tasks however many waits it holds.
     */
    public void timeOutAt(List<Long> waiterIds, long deadline) {
        long left = deadline - clock.millis();
        if (waiterIds.size() > APART_UP_TO) {
            schedule(waiterIds, deadline, Math.max(0, left - NEAR_MILLIS));
            return;
        }
        for (Long waiterId : waiterIds) {
            schedule(List.of(waiterId), deadline, Math.max(0, left - EARLY_MILLIS));
        }
    }

    private void schedule(List<Long> waiterIds, long deadline, long delay) {
        Timeout task = timeout != null ? timeout : ready();
        scheduler.schedule(() -> task.run(waiterIds, deadline), delay, TimeUnit.MILLISECONDS);
    }

    void timeOut(List<Long> waiterIds, long deadline) {
        List<Long> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (Long waiterId : waiterIds) {
            try {
                if (waiterIds.size() == 1) { // a lone timeout takes its run on, up to its next step
                    timeOutAndExecute(waiterId, deadline);
                } else {
                    awaitDeadline(deadline);
                    outcomes.timeOut(waiterId);
                }
            } catch (RuntimeException e) {
                failed.add(waiterId);
                failure = e;
            }
        }
        if (failure == null) {
            return;
        }
        // the database is away, say: try again for as long as the recovery sweep would leave them alone
        if (clock.millis() - deadline < config.lease().toMillis()) {
            LOG.log(Level.FINE, "timeouts of waiters " + failed + " failed; retrying", failure);
            schedule(failed, deadline, RETRY_MILLIS);
        } else {
            LOG.warning(TimerProblems.timeoutsLeftToRecovery(failed, failure.getMessage()));
        }
    }

    /**
     * Times a lone waiter out at its deadline and takes its run on. Its transaction is begun before the deadline, and
     * its connection taken and its run read and replayed up to the wait then too when one of the {@link
     * #EARLY_CONNECTIONS} is free; otherwise the task wakes again {@link #NEAR_MILLIS} before the deadline and takes
     * its connection at it.
     */
    private void timeOutAndExecute(long waiterId, long deadline) {
        if (!earlyConnections.tryAcquire()) {
            long left = deadline - clock.millis();
            if (left > NEAR_MILLIS) {
                schedule(List.of(waiterId), deadline, left - NEAR_MILLIS);
                return;
            }
            outcomes.timeOutAndExecute(waiterId, false, () -> awaitDeadline(deadline));
            return;
        }
        AtomicBoolean early = new AtomicBoolean(true);
        Runnable releaseOnce = () -> {
            if (early.getAndSet(false)) {
                earlyConnections.release();
            }
        };
        try {
            outcomes.timeOutAndExecute(waiterId, true, () -> {
                awaitDeadline(deadline);
                releaseOnce.run(); // its connection now works, no longer waits
            });
        } finally {
            releaseOnce.run(); // beginning the transaction or taking the connection failed
        }
    }

    /**
     * Waits until {@code deadline} has come: a timeout never fires before it. Timed in nanos, not millis: a wait of
     * the whole millis left from a clock that truncates them ends half a millisecond late on average.
     */
    private void awaitDeadline(long deadline) {
        for (int i = 0; i < 100; i++) { // bounded: a clock that does not move (in a test) must not hang the task
            long remaining = nanosUntil(deadline, clock);
            if (remaining <= 0) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                // the server stopping, say: a park would return at once, and the timeout would fire early
                throw new IllegalStateException("interrupted before the deadline of a timeout");
            }
            LockSupport.parkNanos(remaining);
        }
    }

    /** The nanos from now until {@code deadline} (epoch millis); zero or less once it has come. */
    static long nanosUntil(long deadline, Clock clock) {
        return TimeUnit.MILLISECONDS.toNanos(deadline) - clock.nanos();
    }
}
