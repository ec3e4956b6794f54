package org.durableworkflow.impl.engine.recovery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.run.Leases;
import org.durableworkflow.impl.engine.waiter.KeptEvents;
import org.durableworkflow.impl.engine.waiter.WaiterOutcomes;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.LeaseStore;
import org.durableworkflow.impl.store.RetentionStore;
import org.durableworkflow.impl.store.SchemaInstaller;
import org.durableworkflow.impl.store.ContainerParts;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.time.Repeating;
import org.durableworkflow.impl.timer.DeadlineWindows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumes runs that nobody is executing: at start, the runs this server held before it stopped (say, between a
 * notify's commit and the resume) and the timeouts due so soon that it may have held them in memory; then
 * periodically, runs whose lease expired on any server, and waiters a lease past their deadline (their timeout was
 * held by a server that died, or their timer was lost). Also renews the leases of the runs this server holds,
 * delivers kept events to waiters that missed them, deletes kept events that expired, the rows of fired windows and,
 * with {@code runs.retention}, the runs that ended that long ago.
 */
@ApplicationScoped
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    private static final int BATCH = 500;
    /** At most this many batches of ended runs deleted a sweep: 10,000 runs, 1,000 a second at the default interval. */
    private static final int DELETE_BATCHES = 20;

    @Inject
    WaiterStore waiters;
    @Inject
    LeaseStore leases;
    @Inject
    RetentionStore retention;
    @Inject
    SchemaInstaller schema;
    @Inject
    Transactions transactions;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Executions executions;
    @Inject
    WaiterOutcomes outcomes;
    @Inject
    KeptEvents keptEvents;
    @Inject
    WorkflowConfig config;
    @Inject
    DeadlineWindows deadlines;
    @Inject
    Clock clock;
    @Inject
    WorkflowMetrics metrics;

    private volatile Repeating sweeps;
    /** Held by a sweep while it runs, so that stopping waits for the one under way. */
    private final ReentrantLock sweeping = new ReentrantLock();
    /** When the sweeps were scheduled, then when the last one ended (well or not); 0 before the start. */
    private volatile long lastSweepEnded;
    private volatile boolean stopped;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        lastSweepEnded = clock.millis(); // the liveness check counts from here until the first sweep ends
        try {
            schema.install();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, RecoveryMessages.tablesNotCreated(e.getMessage()), e);
        }
        if (!config.runRetention().isZero()) {
            try {
                schema.installEndedRunsIndexes();
            } catch (Exception e) {
                LOG.log(Level.SEVERE, RecoveryMessages.endedRunsIndexesNotCreated(e.getMessage()), e);
            }
        }
        if (config.restAuthContainer()) {
            LOG.info(RecoveryMessages.containerAuth(config.adminRole(), config.notifyRole()));
        } else if (config.restTokens().isEmpty() && config.notifyTokens().isEmpty() && !config.restAuthNone()) {
            LOG.warning(RecoveryMessages.noRestToken());
        } else if (config.restAuthNone()) {
            LOG.warning(RecoveryMessages.restAuthNone());
        }
        try {
            ManagedScheduledExecutorService scheduler = Transactions.lookup(ContainerParts.SCHEDULER);
            long interval = config.recoveryInterval().toMillis();
            scheduler.execute(() -> sweep(true));
            sweeps = Repeating.start(scheduler, () -> sweep(false), interval, interval, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, RecoveryMessages.notRunning(e.getMessage()), e);
        }
    }

    @PreDestroy
    void stop() {
        stopSweeps();
    }

    /** Cancels the sweeps to come and waits for one under way: no claim or renewal by this server after it. */
    public void stopSweeps() {
        stopped = true;
        if (sweeps != null) {
            sweeps.cancel();
        }
        sweeping.lock();
        sweeping.unlock();
    }

    /**
     * When the last sweep ended, well or not (a database outage fails sweeps but does not stop them), or when the
     * application started if none ended yet; 0 before that. A time long past means the sweeps
     * stopped or one of them hangs.
     */
    public long lastSweepEnded() {
        return lastSweepEnded;
    }

    /**
     * One pass: renew this server's leases, claim and resume runnable runs nobody holds, time out overdue waiters,
     * pair kept events with waiters, delete stale kept events.
     *
     * @param atStart whether this server just started, so that the runs it held before are its to resume now
     */
    public void sweep(boolean atStart) {
        sweeping.lock();
        try {
            if (stopped) {
                return; // it began as the sweeps were stopped
            }
            sweepHeld(atStart);
        } finally {
            lastSweepEnded = clock.millis();
            sweeping.unlock();
        }
    }

    private void sweepHeld(boolean atStart) {
        try {
            long now = clock.millis();
            String me = config.serverId();
            Set<String> held = dispatcher.heldRunIds();
            transactions.required(() -> leases.renewLeases(me, Leases.expiryFrom(config, now), held));
            List<String> runIds = transactions.required(() ->
                    leases.claimRuns(now, me, Leases.expiryFrom(config, now), atStart, BATCH));
            for (String runId : runIds) {
                if (!executions.isExecuting(runId)) {
                    executions.submit(runId);
                }
            }
            if (atStart) {
                deadlines.adoptDueSoon();
            }
            // a timeout a lease overdue was held in the memory of a server that died, or its timer was lost
            for (Long waiterId : waiters.overdueWaiters(now - config.lease().toMillis(), BATCH)) {
                timeOutOverdue(waiterId);
            }
            keptEvents.pairUnmatched(null, null);
            keptEvents.deleteStale();
            deadlines.forgetFired();
            if (!runIds.isEmpty()) {
                LOG.info(RecoveryMessages.claimed(runIds.size()));
                metrics.recoveryClaimed(runIds.size());
            }
        } catch (RuntimeException e) {
            LOG.warning(RecoveryMessages.sweepFailed(config.recoveryInterval(), e.getMessage()));
        }
        try {
            deleteEndedRuns(clock.millis());
        } catch (RuntimeException e) {
            LOG.warning(RecoveryMessages.deletingFailed(config.recoveryInterval(), e.getMessage()));
        }
    }

    /** Times out a waiter a lease overdue; one that cannot be does not keep the sweep from the others. */
    private void timeOutOverdue(long waiterId) {
        try {
            outcomes.timeOut(waiterId);
        } catch (RuntimeException e) {
            LOG.warning(RecoveryMessages.overdueNotTimedOut(waiterId, e.getMessage()));
        }
    }

    /** Deletes the runs that ended a {@code runs.retention} ago, with their journals and waiters, if one is set. */
    private void deleteEndedRuns(long now) {
        if (config.runRetention().isZero()) {
            return;
        }
        long before = now - config.runRetention().toMillis();
        int deleted = 0;
        for (int batch = 0; batch < DELETE_BATCHES; batch++) {
            int inBatch = transactions.required(() -> retention.deleteEndedBefore(before, BATCH));
            deleted += inBatch;
            if (inBatch < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.fine(RecoveryMessages.endedRunsDeleted(deleted, config.runRetention()));
        }
    }
}
