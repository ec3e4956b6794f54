package org.durableworkflow.impl.engine.execute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.WorkflowDefinition;
import org.durableworkflow.impl.engine.result.ResultWaiters;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.impl.engine.run.SuspendSignal;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.LeaseStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.logging.Logger;

/**
 * One attempt to execute a run by replay: calls the workflow method, whose durable calls the journal answers until
 * the first new one, and ends when the run suspends, completes or fails, telling how ({@link Ended}). Trying again
 * after a conflict, or without sharing transactions, is {@link Executions}'.
 */
@ApplicationScoped
public class ReplayAttempt {

    private static final Logger LOG = Logger.getLogger(ReplayAttempt.class.getName());

    @Inject
    Definitions definitions;
    @Inject
    RunStore runs;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    BeanManager beanManager;
    @Inject
    LeaseStore leases;
    @Inject
    FailureTail tail;
    @Inject
    WorkflowConfig config;

    /** How many leases a run whose workflow is not deployed waits before any server tries it again. */
    static final int PARKED_LEASES = 10;
    @Inject
    ResultWaiters results;
    @Inject
    WorkflowMetrics metrics;

    /** Whether an execution carries the transaction open on its thread, and how far. */
    enum Carry {
        NONE,
        /** up to the next step ({@link RunExecution#carryOpenTransaction}) */
        TO_NEXT_STEP,
        /** through transactional steps, up to the next step that is not */
        THROUGH_TRANSACTIONAL_STEPS
    }

    /** How an execution ended. */
    enum Ended {
        /** suspended, completed or failed, or nothing to execute */
        DONE,
        /** the database rolled the execution's transaction back for a conflict with another transaction */
        CONFLICT,
        /** it carried a timeout's transaction up to a new step, committed it there, and left the rest */
        HANDED_OVER,
        /** handed over as {@link #HANDED_OVER}, having journaled no step: the run and journal read are still its */
        HANDED_OVER_AS_READ,
        /** a transaction shared by transactional steps rolled back when one of them threw */
        SHARED_TRANSACTION_FAILED,
        /** the run failed and journaled its failure marker: it must execute again, into its failure handler */
        TO_FAILURE_HANDLER
    }

    /**
     * Executes the run of {@code snapshot} until it suspends or ends; when it carries, in the transaction open on this
     * thread ({@link Executions#executeCarrying}).
     */
    Ended execute(RunSnapshot snapshot, Carry carry, boolean sharing) {
        boolean carried = carry != Carry.NONE;
        RunEntity run = snapshot.run();
        String runId = run.runId();
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
            park(run);
            return Ended.DONE;
        }
        if (carried) {
            execution.carryOpenTransaction(carry == Carry.THROUGH_TRANSACTIONAL_STEPS);
        }
        StepEntity failure = tail.marker(snapshot.journal()); // the run failed: its handler runs
        if (failure != null) {
            execution.skipTo(StepEntity.FAILURE_SEQ);
        }
        long notifiedAt = snapshot.notifiedAt();
        if (notifiedAt >= 0) {
            metrics.resumedAfterNotify(run.workflowName(), clock.millis() - notifiedAt);
        }
        CurrentRun.set(execution);
        Ended ended = Ended.DONE;
        try {
            Object output = failure == null ? invoke(definition, run.input())
                    : tail.invokeHandler(definition, run.input(), failure);
            execution.takeDueTimeout(); // the workflow ended before it reached its wait: the run ends after it
            if (execution.suspended()) {
                ended = failAfterLastStep(execution, failure, ExecuteProblems.suspendSignalCaught());
            } else if (failure == null) {
                complete(execution, output);
            } else {
                tail.handled(execution, failure);
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
            ended = failAfterLastStep(execution, failure, e.getMessage());
        } catch (Throwable t) {
            if (Conflicts.isConflict(t)) {
                return Ended.CONFLICT; // the database rolled the execution's transaction back; the run did not fail
            }
            ended = failAfterLastStep(execution, failure, execution.suspended()
                    ? ExecuteProblems.suspendSignalCaught() : t.getClass().getName() + ": " + t.getMessage());
        } finally {
            transactions.rollbackAny(); // a step's transaction the execution left open when it broke off
            CurrentRun.clear();
        }
        return ended;
    }

    /**
     * Leaves a run whose workflow is not deployed here as it is, RUNNING, under this server's lease for
     * {@value #PARKED_LEASES} leases: no server retries it before, unless this one restarts (its start claims its own
     * runs), so an undeployed workflow costs no busy loop, and a deployment that defines it again executes it.
     */
    private void park(RunEntity run) {
        long now = clock.millis();
        long retry = config.lease().toMillis() * PARKED_LEASES;
        LOG.warning(ExecuteProblems.notDeployed(run.workflowName(), run.runId(), retry / 60_000));
        transactions.required(() -> leases.park(run.runId(), config.serverId(), now + retry));
    }

    /**
     * Fails the run once the transaction of its last step, if still open, committed; not when the execution
     * carried a transaction that rolled back, taking what made the run runnable with it. A run with a failure
     * handler not run yet goes on into it ({@link FailureTail}).
     */
    private Ended failAfterLastStep(RunExecution execution, StepEntity failure, String error) {
        try {
            execution.takeDueTimeout(); // it broke before it reached its wait: the run fails once that timed out
        } catch (SuspendSignal notTimedOut) {
            return Ended.DONE; // rolled back; the caller times the waiter out alone
        }
        if (execution.stopped()) {
            LOG.fine("run " + execution.runId() + " was ended while it executed; it is left as it is (" + error + ")");
            return Ended.DONE; // the workflow went on after the signal that stopped it: nothing was journaled
        }
        try {
            execution.commitStepTransaction(transactions);
        } catch (Exception e) {
            stoppedByTheDatabase(execution.runId(), e);
            return Ended.DONE;
        }
        if (execution.carriedTransactionLost()) {
            LOG.fine("run " + execution.runId() + " not failed: its resume rolled back (" + error + ")");
            return Ended.DONE;
        }
        return tail.fail(execution, failure, error);
    }

    private static void stoppedByTheDatabase(String runId, Exception e) {
        LOG.warning(ExecuteProblems.stoppedByDatabase(runId, e.getMessage()));
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
        execution.commitWith(transactions, () -> {
            boolean moved = runs.moveRun(execution.runId(), RunStatus.RUNNING, RunStatus.COMPLETED, outputJson,
                    null, clock.millis());
            if (moved) {
                results.endedAfterCommit(new RunState(execution.runId(), RunStatus.COMPLETED, outputJson, null));
                if (metrics.records()) {
                    transactions.afterCommit(() -> metrics.runEnded(execution.workflowName(), RunStatus.COMPLETED));
                }
            }
            return moved;
        });
    }
}
