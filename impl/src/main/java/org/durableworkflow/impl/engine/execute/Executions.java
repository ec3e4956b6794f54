package org.durableworkflow.impl.engine.execute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.execute.ReplayAttempt.Carry;
import org.durableworkflow.impl.engine.execute.ReplayAttempt.Ended;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.impl.ops.tracing.RunTracing;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Executes runs on this server, each on at most one thread at a time: a resume that arrives while the run executes
 * runs right after. Each execution is a {@link ReplayAttempt}, tried again after a conflict (a few times) or after a
 * transaction shared by transactional steps failed (once, each step then in a transaction of its own).
 */
@ApplicationScoped
public class Executions {

    private static final Logger LOG = Logger.getLogger(Executions.class.getName());

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;
    @Inject
    WorkflowConfig config;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ReplayAttempt attempt;
    @Inject
    RunTracing tracing;

    /** Runs executing on this server; {@code TRUE} when a resume arrived meanwhile. */
    private final ConcurrentHashMap<String, Boolean> executing = new ConcurrentHashMap<>();
    /** Runs whose next execution runs each step in its own transaction: a shared one failed as it was carried. */
    private final Set<String> unsharedNext = ConcurrentHashMap.newKeySet();

    /**
     * Executes, on this thread, a run that the transaction open on it made runnable (a start's, a notify's, a
     * timeout's), or that a timeout makes runnable when the execution reaches its wait (the snapshot's {@link
     * DueTimeout}), carrying that transaction on: a completion or a wait that follows commits with it, saving a commit
     * and the hand-off to the executor. A new step commits it first and leaves the run to the executor, as does
     * anything but a clean end; with {@code throughTransactionalSteps}, a transactional step joins it instead.
     *
     * @return whether the transaction committed; if not, it rolled back, and what made the run runnable with it
     *         is undone (a waiter waits again, a started run does not exist)
     */
    public boolean executeCarrying(RunSnapshot snapshot, boolean throughTransactionalSteps) {
        String runId = snapshot.run().runId();
        dispatcher.hold(runId); // until this execution ended, and what it handed over holds the run itself
        try {
            return executeCarryingHeld(runId, snapshot, throughTransactionalSteps);
        } finally {
            dispatcher.release(runId);
        }
    }

    private boolean executeCarryingHeld(String runId, RunSnapshot snapshot, boolean throughTransactionalSteps) {
        boolean[] committed = {false};
        transactions.afterCommit(() -> committed[0] = true);
        if (executing.putIfAbsent(runId, Boolean.FALSE) != null) {
            if (snapshot.dueTimeout() != null) {
                transactions.rollbackAny(); // nothing settled yet: the caller times the waiter out alone
                return false;
            }
            // still executing here (it suspended a moment ago): that execution goes again once this commits
            transactions.commit();
            submit(runId);
            return true;
        }
        Ended ended = Ended.CONFLICT;
        try {
            ended = executeOnce(runId, snapshot,
                    throughTransactionalSteps ? Carry.THROUGH_TRANSACTIONAL_STEPS : Carry.TO_NEXT_STEP, true);
        } finally {
            if (ended == Ended.SHARED_TRANSACTION_FAILED) {
                unsharedNext.add(runId); // for the execution that follows the start or notify done again
            }
            boolean requested = Boolean.TRUE.equals(executing.remove(runId));
            if (requested || committed[0] && ended != Ended.DONE) { // a resume that came meanwhile is not lost
                // a snapshot read before a timeout's settling lacks the wait's outcome: the execution reads the run
                boolean readStillCurrent = ended == Ended.HANDED_OVER_AS_READ && snapshot.dueTimeout() == null;
                submit(runId, readStillCurrent && !requested ? snapshot : null);
            }
        }
        return committed[0];
    }

    /** Whether the run is executing on this server now. */
    public boolean isExecuting(String runId) {
        return executing.containsKey(runId);
    }

    /**
     * Executes the run, again as long as resumes arrived meanwhile. A resume that finds the run executing drops its
     * snapshot; the next execution reads the run.
     */
    void executeWhileRequested(String runId, RunSnapshot snapshot) {
        boolean[] entered = {false};
        executing.compute(runId, (k, again) -> {
            entered[0] = again == null;
            return again == null ? Boolean.FALSE : Boolean.TRUE;
        });
        if (!entered[0]) {
            return;
        }
        boolean[] again = {false};
        RunSnapshot known = snapshot;
        try {
            do {
                executeUntilSettled(runId, known);
                known = null;
                again[0] = false;
                executing.compute(runId, (k, requested) -> {
                    // once the application stops, a resume that came meanwhile is left to the next server
                    again[0] = Boolean.TRUE.equals(requested) && dispatcher.accepting();
                    return again[0] ? Boolean.FALSE : null;
                });
            } while (again[0]);
        } catch (RuntimeException | Error e) {
            // the database went away, say: left marked as executing, the run would never execute here again and
            // its lease would be renewed for good; unmarked, its lease lapses and a recovery sweep resumes it
            executing.remove(runId);
            throw e;
        }
    }

    /**
     * Executes the run again, from the journal the rollback left as it was, after a conflict (a few times) or after
     * a transaction shared by transactional steps failed (once, each step then in a transaction of its own).
     */
    private void executeUntilSettled(String runId, RunSnapshot snapshot) {
        RunSnapshot known = snapshot;
        boolean sharing = !unsharedNext.remove(runId);
        int attempt = 1;
        while (true) {
            Ended ended = executeOnce(runId, known, Carry.NONE, sharing);
            known = null;
            if (ended == Ended.SHARED_TRANSACTION_FAILED) {
                sharing = false;
            } else if (ended == Ended.TO_FAILURE_HANDLER) {
                continue; // the run reads again, with its failure marker, and its handler runs
            } else if (ended == Ended.CONFLICT && attempt < Transactions.ATTEMPTS) {
                Conflicts.pauseBefore(attempt++);
            } else {
                return;
            }
        }
    }

    /** Queues the execution of a runnable run; when the queue refuses, the recovery sweep takes it later. */
    public void submit(String runId) {
        submit(runId, null);
    }

    /** As {@link #submit(String)}; the execution begins from {@code snapshot} when given, without reading the run. */
    public void submit(String runId, RunSnapshot snapshot) {
        dispatcher.handOver(runId, () -> {
            try {
                executeWhileRequested(runId, snapshot);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, ExecuteProblems.notExecuted(runId), e);
            }
        });
    }

    /** Executes the run once, from {@code known} when it can still be trusted, or else from a read. */
    private Ended executeOnce(String runId, RunSnapshot known, Carry carry, boolean sharing) {
        boolean carried = carry != Carry.NONE;
        RunSnapshot snapshot = known != null && (carried || !leaseMayHaveLapsed(known)) ? known : readIfOwned(runId);
        if (snapshot == null) {
            return Ended.DONE;
        }
        try (RunTracing.Span span = tracing.execution(runId, snapshot.run().workflowName(),
                snapshot.run().traceParent())) {
            Ended ended = attempt.execute(snapshot, carry, sharing);
            span.outcome(ended.name());
            return ended;
        }
    }

    /**
     * Whether the lease the snapshot was read under has run out by now: the execution waited in a queue that long,
     * and another server may have claimed the run meanwhile, so it is read again instead of trusted.
     */
    private boolean leaseMayHaveLapsed(RunSnapshot snapshot) {
        return snapshot.run().leaseExpiry() <= clock.millis();
    }

    /** The run and its journal, in one transaction, when it is running under this server's lease. */
    private RunSnapshot readIfOwned(String runId) {
        return transactions.required(() -> {
            RunEntity run = runs.findRun(runId);
            if (run == null || run.status() != RunStatus.RUNNING || !config.serverId().equals(run.leaseOwner())) {
                return null;
            }
            return new RunSnapshot(run, journal.journal(runId));
        });
    }
}
