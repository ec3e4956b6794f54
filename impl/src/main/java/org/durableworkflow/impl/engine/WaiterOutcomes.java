package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
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
    WorkflowEngine engine;
    @Inject
    Executions executions;

    /**
     * Delivers {@code eventText} to {@code waiter} inside the caller's transaction.
     *
     * @return the waiter's run, or {@code null} when the waiter was settled already (timed out, notified or
     *         cancelled)
     */
    public RunEntity notifyWaiter(WaiterEntity waiter, String eventText) {
        return engine.resumeAfterCommit(notifyWaiterForExecution(waiter, eventText));
    }

    /**
     * As {@link #notifyWaiter}, but instead of queueing the run's execution after the commit, returns what it needs,
     * for the caller to execute in this transaction ({@link Executions#executeCarrying}).
     */
    RunSnapshot notifyWaiterForExecution(WaiterEntity waiter, String eventText) {
        return engine.settleAndMakeRunnable(waiter, WaiterEntity.NOTIFIED, eventText);
    }

    /** Times out waiter {@code waiterId} in the current transaction or a new one; nothing when it was settled. */
    @Override
    public void timeOut(long waiterId) {
        transactions.required(() -> engine.resumeAfterCommit(
                engine.settleAndMakeRunnable(waiterId, WaiterEntity.TIMED_OUT, null)));
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
            return engine.settleAndMakeRunnable(waiterId, WaiterEntity.TIMED_OUT, null);
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
            return engine.settleTimedOut(waiter);
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
}
