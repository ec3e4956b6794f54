package org.durableworkflow.impl.engine.waiter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.run.DueTimeout;
import org.durableworkflow.impl.engine.run.Leases;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.ops.tracing.RunTracing;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.store.WaiterSettlement;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.timer.TimeoutHandler;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Settles a waiter exactly once. Notify and timeout race through one conditional update of the waiter's state: the
 * winner journals the wait's outcome and makes the run runnable in the same transaction; the loser changes nothing.
 */
@ApplicationScoped
public class WaiterOutcomes implements TimeoutHandler {

    /** What {@link #readAheadOfDeadline} answers for a waiter that a notify or a cancel settled already. */
    private static final RunSnapshot SETTLED_ALREADY = new RunSnapshot(null, List.of());

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;
    @Inject
    Transactions transactions;
    @Inject
    WaiterSettlement settlement;
    @Inject
    Executions executions;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;
    @Inject
    RunTracing tracing;
    @Inject
    WorkflowMetrics metrics;

    /**
     * Delivers {@code eventText} to {@code waiter} inside the caller's transaction.
     *
     * @return the waiter's run, or {@code null} when the waiter was settled already (timed out, notified or
     *         cancelled)
     */
    public RunEntity notifyWaiter(WaiterEntity waiter, String eventText) {
        return resumeAfterCommit(notifyWaiterForExecution(waiter, eventText));
    }

    /**
     * As {@link #notifyWaiter}, but instead of queueing the run's execution after the commit, returns what it needs,
     * for the caller to execute in this transaction ({@link Executions#executeCarrying}).
     */
    public RunSnapshot notifyWaiterForExecution(WaiterEntity waiter, String eventText) {
        return settleAndMakeRunnable(waiter, WaiterEntity.NOTIFIED, eventText);
    }

    /** Times out waiter {@code waiterId} in the current transaction or a new one; nothing when it was settled. */
    @Override
    public void timeOut(long waiterId) {
        transactions.required(() -> resumeAfterCommit(
                settleAndMakeRunnable(waiterId, WaiterEntity.TIMED_OUT, null)));
    }

    /**
     * Times out waiter {@code waiterId} in a new transaction and executes its run on this thread in that same
     * transaction, through its transactional steps up to the next step that is not ({@link
     * Executions#executeCarrying}): when the workflow's timeout branch is such steps and its completion, or a wait,
     * all of it commits once, as after a notify. When that transaction does not commit (a transactional step threw,
     * or a conflict), nothing of it is left, and the waiter is timed out the usual way: alone, its run left to the
     * executor, which executes each step in a transaction of its own when a shared one failed. Not within a
     * transaction.
     *
     * @param early    whether the transaction takes its connection before {@code untilDue}, reads the run and its
     *                 journal and replays the run up to the wait, so that only the settling is left for the deadline
     *                 ({@link DueTimeout}); otherwise the run is read and executed once the waiter is settled
     * @param untilDue waits until the deadline; the transaction is begun before it
     * @throws org.durableworkflow.api.exception.StorageUnavailableException when even the timeout alone failed
     */
    @Override
    public void timeOutAndExecute(long waiterId, boolean early, Runnable untilDue) {
        RunSnapshot snapshot = inNewTransaction(() -> {
            if (early) {
                return readAheadOfDeadline(waiterId, untilDue);
            }
            untilDue.run();
            return settleAndMakeRunnable(waiterId, WaiterEntity.TIMED_OUT, null);
        });
        if (snapshot == SETTLED_ALREADY) {
            transactions.rollbackAny(); // read only
            return;
        }
        if (snapshot == null) {
            transactions.rollbackAny(); // nothing was changed
            if (!early) {
                return; // the waiter was settled already
            }
        } else if (executions.executeCarrying(snapshot, true)) {
            return;
        }
        untilDue.run();
        timeOut(waiterId); // throws when the database is away: the caller retries
    }

    /**
     * The waiter's run and journal read before its deadline, and the timeout that the execution takes when it
     * reaches the wait; {@link #SETTLED_ALREADY} when the waiter does not wait; {@code null} when its run does not
     * wait (the waiter is then timed out alone, at its deadline, which tells what is wrong).
     */
    private RunSnapshot readAheadOfDeadline(long waiterId, Runnable untilDue) {
        WaiterEntity waiter = waiters.findWaiter(waiterId);
        if (waiter == null || !WaiterEntity.WAITING.equals(waiter.state())) {
            return SETTLED_ALREADY;
        }
        RunEntity run = runs.findRun(waiter.runId());
        if (run == null || run.status() != RunStatus.WAITING) {
            return null;
        }
        List<StepEntity> steps = journal.journal(waiter.runId());
        if (steps.stream().anyMatch(step -> step.seq() >= waiter.seq())) {
            return null; // nothing is journaled past a wait that still waits; read again after the settling
        }
        return new RunSnapshot(run, steps, new DueTimeout(waiter.seq(), () -> {
            untilDue.run();
            return settleTimedOut(waiter);
        }));
    }

    private RunSnapshot inNewTransaction(Callable<RunSnapshot> work) {
        try {
            return transactions.beginWith(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the work above throws nothing checked
        }
    }

    /**
     * In the current transaction: the run's execution, as {@link #settleAndMakeRunnable} returned it, begins after
     * the commit.
     *
     * @return the run, or {@code null} when {@code resumed} is (the waiter was settled already)
     */
    private RunEntity resumeAfterCommit(RunSnapshot resumed) {
        if (resumed == null) {
            return null;
        }
        transactions.afterCommit(() -> executions.submit(resumed.run().runId(), resumed));
        return resumed.run();
    }

    /**
     * In the current transaction: settles waiter {@code waiterId} as {@code state}, journals its outcome with
     * {@code resultText}, makes its run runnable under this server's lease ({@link WaiterSettlement}: one statement
     * on PostgreSQL), and reads what its execution needs, for the caller to execute
     * ({@link Executions#executeCarrying}) or to {@link #resumeAfterCommit}.
     *
     * @return the run to execute, or {@code null} when the waiter was settled already and nothing is changed
     * @throws IllegalStateException when the run was not waiting, which a waiting waiter rules out; the caller's
     *                               transaction must roll back rather than commit a settled waiter with no resume
     */
    private RunSnapshot settleAndMakeRunnable(long waiterId, String state, String resultText) {
        long now = clock.millis();
        WaiterSettlement.Settled settled = settlement.settle(waiterId, state, resultText, now, config.serverId(),
                Leases.expiryFrom(config, now), causeOf(state));
        if (WaiterEntity.TIMED_OUT.equals(state)) {
            countTimeout(settled, now);
        }
        return snapshotOf(settled);
    }

    /** Counts a waiter {@code settled} as timed out, and how late, once its settling committed. */
    private void countTimeout(WaiterSettlement.Settled settled, long now) {
        if (settled != null && metrics.records()) {
            long lateness = now - settled.waiter().deadline();
            transactions.afterCommit(() -> metrics.timeoutFired(lateness));
        }
    }

    /** As {@link #settleAndMakeRunnable(long, String, String)}, for a waiter its caller has read already. */
    private RunSnapshot settleAndMakeRunnable(WaiterEntity waiter, String state, String resultText) {
        long now = clock.millis();
        return snapshotOf(settlement.settle(waiter, state, resultText, now, config.serverId(),
                Leases.expiryFrom(config, now), causeOf(state)));
    }

    /** A notify's span, for the execution it causes to link to; a timeout has none. */
    private String causeOf(String state) {
        return WaiterEntity.NOTIFIED.equals(state) ? tracing.currentTraceParent() : null;
    }

    /**
     * In the current transaction: times waiter {@code read} out as {@link #settleAndMakeRunnable} does, for an
     * execution that replayed its run up to the wait before the deadline ({@link DueTimeout}). The waiter as read
     * before: the settling is conditional on its state, so only Derby's update is left, not its read.
     *
     * @return the wait's outcome as journaled, or {@code null} when the waiter was settled already
     */
    private StepEntity settleTimedOut(WaiterEntity read) {
        long now = clock.millis();
        WaiterSettlement.Settled settled = settlement.settle(read, WaiterEntity.TIMED_OUT, null, now,
                config.serverId(), Leases.expiryFrom(config, now), null);
        if (settled == null) {
            return null;
        }
        countTimeout(settled, now);
        return StepEntity.settled(requireRunWasWaiting(settled), WaiterEntity.TIMED_OUT, null, now);
    }

    private RunSnapshot snapshotOf(WaiterSettlement.Settled settled) {
        if (settled == null) {
            return null;
        }
        WaiterEntity waiter = requireRunWasWaiting(settled);
        return new RunSnapshot(settled.run(), journal.journal(waiter.runId()));
    }

    private static WaiterEntity requireRunWasWaiting(WaiterSettlement.Settled settled) {
        WaiterEntity waiter = settled.waiter();
        if (settled.run() == null) {
            throw new IllegalStateException(WaiterProblems.runNotWaiting(waiter.id(), waiter.runId()));
        }
        return waiter;
    }
}
