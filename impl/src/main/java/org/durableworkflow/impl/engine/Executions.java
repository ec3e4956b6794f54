package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.WorkflowDefinition;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Executes runs by replay on this server: calls the workflow method, whose durable calls the journal answers until
 * the first new one, and ends the execution when the run suspends, completes or fails. A run executes on at most one
 * thread of this server at a time; a resume that arrives while it executes runs right after.
 */
@ApplicationScoped
public class Executions {

    private static final Logger LOG = Logger.getLogger(Executions.class.getName());

    @Inject
    Definitions definitions;
    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    WorkflowConfig config;
    @Inject
    BeanManager beanManager;
    @Inject
    WorkflowEngine engine;

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
    boolean executeCarrying(RunSnapshot snapshot, boolean throughTransactionalSteps) {
        String runId = snapshot.run().runId();
        engine.held().hold(runId); // until this execution ended, and what it handed over holds the run itself
        try {
            return executeCarryingHeld(runId, snapshot, throughTransactionalSteps);
        } finally {
            engine.held().release(runId);
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
            engine.submit(runId);
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
                engine.submit(runId, readStillCurrent && !requested ? snapshot : null);
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
                    again[0] = Boolean.TRUE.equals(requested);
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
            } else if (ended == Ended.CONFLICT && attempt < Transactions.ATTEMPTS) {
                Conflicts.pauseBefore(attempt++);
            } else {
                return;
            }
        }
    }

    /** Whether an execution carries the transaction open on its thread, and how far. */
    private enum Carry {
        NONE,
        /** up to the next step ({@link RunExecution#carryOpenTransaction}) */
        TO_NEXT_STEP,
        /** through transactional steps, up to the next step that is not */
        THROUGH_TRANSACTIONAL_STEPS
    }

    /** How an execution ended. */
    private enum Ended {
        /** suspended, completed or failed, or nothing to execute */
        DONE,
        /** the database rolled the execution's transaction back for a conflict with another transaction */
        CONFLICT,
        /** it carried a timeout's transaction up to a new step, committed it there, and left the rest */
        HANDED_OVER,
        /** handed over as {@link #HANDED_OVER}, having journaled no step: the run and journal read are still its */
        HANDED_OVER_AS_READ,
        /** a transaction shared by transactional steps rolled back when one of them threw */
        SHARED_TRANSACTION_FAILED
    }

    /**
     * Executes the run until it suspends or ends; when it carries, in the transaction open on this thread
     * ({@link #executeCarrying}).
     */
    private Ended executeOnce(String runId, RunSnapshot known, Carry carry, boolean sharing) {
        boolean carried = carry != Carry.NONE;
        RunSnapshot snapshot = known != null && (carried || !leaseMayHaveLapsed(known)) ? known : readIfOwned(runId);
        if (snapshot == null) {
            return Ended.DONE;
        }
        RunEntity run = snapshot.run();
        RunExecution execution = new RunExecution(runId, run.workflowName(), run.createdAt(), snapshot.journal(),
                sharing);
        if (snapshot.dueTimeout() != null) {
            execution.timeOutOnReaching(snapshot.dueTimeout(), transactions);
        }
        WorkflowDefinition definition = definitions.workflow(run.workflowName());
        if (definition == null) {
            if (carried) {
                try {
                    execution.takeDueTimeout();
                } catch (SuspendSignal notTimedOut) {
                    return Ended.DONE; // rolled back; the caller times the waiter out alone
                }
                transactions.commit(); // what made it runnable; the executor fails it in a transaction of its own
                return Ended.HANDED_OVER;
            }
            engine.fail(runId, new UnknownWorkflowException(run.workflowName()).getMessage());
            return Ended.DONE;
        }
        if (carried) {
            execution.carryOpenTransaction(carry == Carry.THROUGH_TRANSACTIONAL_STEPS);
        }
        CurrentRun.set(execution);
        try {
            Object output = invoke(definition, run.input());
            execution.takeDueTimeout(); // the workflow ended before it reached its wait: the run ends after it
            if (execution.suspended()) {
                failAfterLastStep(execution, swallowed());
            } else {
                complete(execution, output);
            }
        } catch (SuspendSignal suspended) {
            if (execution.sharedTransactionFailed()) {
                return Ended.SHARED_TRANSACTION_FAILED;
            }
            // the waiter is committed, or the run handed over; the thread goes back to the pool
            if (!execution.handedOver()) {
                return Ended.DONE;
            }
            return execution.journaledSteps() ? Ended.HANDED_OVER : Ended.HANDED_OVER_AS_READ;
        } catch (StorageUnavailableException e) {
            if (Conflicts.isConflict(e)) {
                return Ended.CONFLICT;
            }
            stoppedByTheDatabase(runId, e);
        } catch (NonDeterminismException e) {
            LOG.severe(e.getMessage());
            failAfterLastStep(execution, e.getMessage());
        } catch (Throwable t) {
            if (Conflicts.isConflict(t)) {
                return Ended.CONFLICT; // the database rolled the execution's transaction back; the run did not fail
            }
            failAfterLastStep(execution, execution.suspended() ? swallowed()
                    : t.getClass().getName() + ": " + t.getMessage());
        } finally {
            transactions.rollbackAny(); // a step's transaction the execution left open when it broke off
            CurrentRun.clear();
        }
        return Ended.DONE;
    }

    /**
     * Fails the run once the transaction of its last step, if still open, committed; not when the execution
     * carried a transaction that rolled back, taking what made the run runnable with it.
     */
    private void failAfterLastStep(RunExecution execution, String error) {
        try {
            execution.takeDueTimeout(); // it broke before it reached its wait: the run fails once that timed out
        } catch (SuspendSignal notTimedOut) {
            return; // rolled back; the caller times the waiter out alone
        }
        if (execution.stopped()) {
            LOG.fine("run " + execution.runId() + " was ended while it executed; it is left as it is (" + error + ")");
            return; // the workflow went on after the signal that stopped it: nothing of that was journaled
        }
        try {
            execution.commitStepTransaction(transactions);
        } catch (Exception e) {
            stoppedByTheDatabase(execution.runId(), e);
            return;
        }
        if (execution.carriedTransactionLost()) {
            LOG.fine("run " + execution.runId() + " not failed: its resume rolled back (" + error + ")");
            return;
        }
        engine.fail(execution.runId(), error);
    }

    private static void stoppedByTheDatabase(String runId, Exception e) {
        LOG.warning("DWF0601: run " + runId + " stopped by the database (" + e.getMessage()
                + "); it is resumed when its lease expires");
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

    private static String swallowed() {
        return "DWF0104: the workflow caught the signal that suspends it (catch Throwable or Error around a wait?);"
                + " let it propagate";
    }

    private Object invoke(WorkflowDefinition definition, String inputJson) throws Throwable {
        CreationalContext<?> context = beanManager.createCreationalContext(definition.bean());
        try {
            Object bean = beanManager.getReference(definition.bean(), definition.bean().getBeanClass(), context);
            Object input = definition.inputType() == null ? null : json.fromJson(inputJson, definition.inputType());
            return definition.invoke(bean, input);
        } finally {
            context.release();
        }
    }

    /** Completes the run in the transaction of its last step when that is still open. */
    private void complete(RunExecution execution, Object output) throws Exception {
        String outputJson = json.toJson(output);
        execution.commitWith(transactions, () -> runs.moveRun(execution.runId(), RunStatus.RUNNING,
                RunStatus.COMPLETED, outputJson, null, clock.millis()));
    }
}
