package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.impl.cdi.DurableWorkflowExtension;
import org.durableworkflow.impl.cdi.WorkflowDefinition;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.time.Clock;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts runs and executes them by replay on the managed executor. A run executes on at most one thread of this
 * server at a time; a resume that arrives while it executes runs right after.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

    @Inject
    DurableWorkflowExtension extension;
    @Inject
    RunStore store;
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

    /** Runs executing on this server; {@code TRUE} when a resume arrived meanwhile. */
    private final ConcurrentHashMap<String, Boolean> executing = new ConcurrentHashMap<>();
    private volatile ManagedExecutorService executor;
    /** Executions handed over and not begun yet: the executor takes them, and notifies when it has a backlog. */
    private final ExecutionQueue queue = new ExecutionQueue(this::executor, () -> config.executorBacklog());

    /** Starts a run, or returns {@code runId} unchanged when that run exists already. */
    public String start(String workflowName, Object input, String runId) {
        if (extension.workflow(workflowName) == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        String id = runId == null ? Ids.runId() : Inputs.id("workflowRunId", runId, config.maxIdLength());
        String inputJson = Inputs.payload("input", json.toJson(input), config.maxPayloadBytes());
        return transactions.requiredRetryingConflicts(() -> {
            // an id generated here is new: only a caller's id needs the read
            if (runId == null || store.findRun(id) == null) {
                long now = clock.millis();
                RunEntity run = new RunEntity(id, workflowName, inputJson, now, config.serverId(), leaseFrom(now));
                store.insertRun(run);
                transactions.afterCommit(() -> submit(id, new RunSnapshot(run, List.of())));
            }
            return id;
        });
    }

    /**
     * Starts a run whose input arrives as JSON text (from REST): refused with 400 when it is not JSON of the
     * workflow's input type, before anything is stored.
     */
    public String startFromJson(String workflowName, String inputJson, String runId) {
        WorkflowDefinition definition = extension.workflow(workflowName);
        if (definition == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        Object input = null;
        if (definition.inputType() != null && inputJson != null) {
            Inputs.depth("input", inputJson, config.maxJsonDepth());
            try {
                input = json.fromJson(inputJson, definition.inputType());
            } catch (RuntimeException e) {
                throw new InvalidInputException("DWF0216: the input is not JSON of type "
                        + definition.inputType().getTypeName());
            }
        }
        return start(workflowName, input, runId);
    }

    /**
     * In the current transaction: makes the run of a waiter just settled runnable under this server's lease, and
     * reads what its execution needs, which begins after the commit.
     *
     * @return the run
     * @throws IllegalStateException when the run was not waiting, which a waiting waiter rules out; the caller's
     *                               transaction must roll back rather than commit a settled waiter with no resume
     */
    RunEntity resumeAfterCommit(WaiterEntity settled) {
        RunSnapshot snapshot = makeRunnable(settled);
        transactions.afterCommit(() -> submit(settled.runId(), snapshot));
        return snapshot.run();
    }

    /**
     * In the current transaction: makes the run of a waiter just settled runnable under this server's lease, and
     * reads what its execution needs, for the caller to execute ({@link #executeCarrying}).
     *
     * @throws IllegalStateException as {@link #resumeAfterCommit} does
     */
    RunSnapshot makeRunnable(WaiterEntity settled) {
        String runId = settled.runId();
        long now = clock.millis();
        RunEntity run = store.resume(runId, RunStatus.WAITING, config.serverId(), leaseFrom(now), now);
        if (run == null) {
            throw new IllegalStateException("DWF0605: waiter " + settled.id() + " of run " + runId
                    + " was waiting but its run was not; nothing is changed");
        }
        return new RunSnapshot(run, store.journal(runId));
    }

    /**
     * Executes, on this thread, a run that the transaction open on it made runnable (a timeout's), carrying that
     * transaction on: a completion or a wait that follows commits with it, saving a commit and the hand-off to the
     * executor; a new step commits it first and leaves the run to the executor, as does anything but a clean end.
     *
     * @throws StorageUnavailableException when the transaction did not commit (it rolled back, the waiter is waiting
     *                                     again, and its timeout is to be tried again)
     */
    void executeCarrying(RunSnapshot snapshot) {
        String runId = snapshot.run().runId();
        boolean[] committed = {false};
        transactions.afterCommit(() -> committed[0] = true);
        if (executing.putIfAbsent(runId, Boolean.FALSE) != null) {
            // still executing here (it suspended a moment ago): that execution goes again once this commits
            commitOpenTransaction();
            submit(runId);
            return;
        }
        Ended ended = Ended.CONFLICT;
        try {
            ended = executeOnce(runId, snapshot, true);
        } finally {
            boolean requested = Boolean.TRUE.equals(executing.remove(runId));
            if (ended != Ended.DONE || requested) {
                submit(runId);
            }
        }
        if (!committed[0]) {
            throw new StorageUnavailableException("DWF0609: the timeout of run " + runId + " did not commit", null);
        }
    }

    private void commitOpenTransaction() {
        try {
            transactions.commitAfter(() -> null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the work is null: only the commit can fail, unchecked
        }
    }

    /**
     * Runs {@code work} on the executor once the current transaction commits (now when none is active); work the
     * executor refuses is dropped, so it must be work that changes nothing when left undone, or that the recovery
     * sweep does too.
     */
    void executeAfterCommit(Runnable work) {
        transactions.afterCommit(() -> {
            try {
                executor().execute(work);
            } catch (RejectedExecutionException e) {
                LOG.fine("DWF0604: follow-up work left to the recovery sweep: " + e.getMessage());
            }
        });
    }

    /** Queues the execution of a runnable run; when the queue refuses, the recovery sweep takes it later. */
    public void submit(String runId) {
        submit(runId, null);
    }

    private void submit(String runId, RunSnapshot snapshot) {
        Runnable execution = () -> {
            try {
                executeWhileRequested(runId, snapshot);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "DWF0603: run " + runId + " could not be executed; recovery will retry", e);
            }
        };
        try {
            queue.handOver(execution);
        } catch (RejectedExecutionException e) {
            LOG.warning("DWF0600: run " + runId + " not queued (" + e.getMessage() + "); recovery will resume it");
        }
    }

    /**
     * Runs {@code call} (a notify); for each run it resumed while {@code executor.backlog} executions already waited
     * for the executor, executes the oldest execution waiting on this thread once {@code call} returned, its
     * transaction committed. A burst of notifies so paces itself to the speed at which runs are executed, instead
     * of queueing resumed runs without bound, and what waits longest goes first even when the executor's threads
     * are all taken by other work. Not within a transaction or a run's execution, which such an execution would
     * disturb: there the runs are queued as always.
     */
    public <T> T executingHereWhenBusy(Supplier<T> call) {
        if (CurrentRun.get() != null || transactions.active()) {
            return call.get();
        }
        return queue.helpingAfter(call);
    }

    /** Whether the run is executing on this server now. */
    public boolean isExecuting(String runId) {
        return executing.containsKey(runId);
    }

    /** The runs executing on this server now. */
    List<String> executingRunIds() {
        return List.copyOf(executing.keySet());
    }

    /**
     * Executes the run, again as long as resumes arrived meanwhile. A resume that finds the run executing drops its
     * snapshot; the next execution reads the run.
     */
    private void executeWhileRequested(String runId, RunSnapshot snapshot) {
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
        do {
            for (int attempt = 1; executeOnce(runId, known, false) == Ended.CONFLICT
                    && attempt < Transactions.ATTEMPTS; attempt++) {
                Conflicts.pauseBefore(attempt); // then again from the journal, which the rollback left as it was
                known = null;
            }
            known = null;
            again[0] = false;
            executing.compute(runId, (k, requested) -> {
                again[0] = Boolean.TRUE.equals(requested);
                return again[0] ? Boolean.FALSE : null;
            });
        } while (again[0]);
    }

    /** How an execution ended. */
    private enum Ended {
        /** suspended, completed or failed, or nothing to execute */
        DONE,
        /** the database rolled the execution's transaction back for a conflict with another transaction */
        CONFLICT,
        /** it carried a timeout's transaction up to a new step, committed it there, and left the rest */
        HANDED_OVER
    }

    /**
     * Executes the run until it suspends or ends; with {@code carried}, in the transaction open on this thread
     * ({@link #executeCarrying}).
     */
    private Ended executeOnce(String runId, RunSnapshot known, boolean carried) {
        RunSnapshot snapshot = known != null ? known : readIfOwned(runId);
        if (snapshot == null) {
            return Ended.DONE;
        }
        RunEntity run = snapshot.run();
        WorkflowDefinition definition = extension.workflow(run.workflowName());
        if (definition == null) {
            if (carried) {
                commitOpenTransaction(); // the timeout; the executor fails the run in a transaction of its own
                return Ended.HANDED_OVER;
            }
            fail(runId, new UnknownWorkflowException(run.workflowName()).getMessage());
            return Ended.DONE;
        }
        RunExecution execution = new RunExecution(runId, run.workflowName(), snapshot.journal());
        if (carried) {
            execution.carryOpenTransactionUntilNextStep();
        }
        CurrentRun.set(execution);
        try {
            Object output = invoke(definition, run.input());
            if (execution.suspended()) {
                failAfterLastStep(execution, swallowed());
            } else {
                complete(execution, output);
            }
        } catch (SuspendSignal suspended) {
            // the waiter is committed, or the run handed over; the thread goes back to the pool
            return execution.handedOver() ? Ended.HANDED_OVER : Ended.DONE;
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

    /** Fails the run once the transaction of its last step, if still open, committed. */
    private void failAfterLastStep(RunExecution execution, String error) {
        try {
            execution.commitStepTransaction(transactions);
        } catch (Exception e) {
            stoppedByTheDatabase(execution.runId(), e);
            return;
        }
        fail(execution.runId(), error);
    }

    private static void stoppedByTheDatabase(String runId, Exception e) {
        LOG.warning("DWF0601: run " + runId + " stopped by the database (" + e.getMessage()
                + "); it is resumed when its lease expires");
    }

    /** The run and its journal, in one transaction, when it is running under this server's lease. */
    private RunSnapshot readIfOwned(String runId) {
        return transactions.required(() -> {
            RunEntity run = store.findRun(runId);
            if (run == null || run.status() != RunStatus.RUNNING || !config.serverId().equals(run.leaseOwner())) {
                return null;
            }
            return new RunSnapshot(run, store.journal(runId));
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
            Object[] args = definition.inputType() == null ? new Object[0]
                    : new Object[]{json.fromJson(inputJson, definition.inputType())};
            return definition.method().invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            context.release();
        }
    }

    /** Completes the run in the transaction of its last step when that is still open. */
    private void complete(RunExecution execution, Object output) throws Exception {
        String outputJson = json.toJson(output);
        execution.commitWith(transactions, () -> store.moveRun(execution.runId(), RunStatus.RUNNING,
                RunStatus.COMPLETED, outputJson, null, clock.millis()));
    }

    /** Fails a run that is running or waiting; its waiters are cancelled. */
    void fail(String runId, String error) {
        LOG.log(Level.WARNING, "DWF0602: run {0} failed: {1}", new Object[]{runId, error});
        endRun(runId, RunStatus.FAILED, error);
    }

    /** Cancels a run that is not final; {@code false} when it was final already or does not exist. */
    public boolean cancel(String runId) {
        return endRun(runId, RunStatus.CANCELLED, "cancelled");
    }

    /**
     * Settles the run's waiters first, then moves the run: the order in which a notify and a timeout take the same
     * rows, so that a cancel racing them waits for one of them instead of deadlocking with it.
     */
    private boolean endRun(String runId, RunStatus to, String error) {
        return transactions.requiredRetryingConflicts(() -> {
            for (WaiterEntity waiter : store.waitingOfRun(runId)) {
                store.settleWaiter(waiter.id(), WaiterEntity.CANCELLED);
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                RunEntity run = store.findRun(runId);
                if (run == null || run.status().isFinal()) {
                    return false;
                }
                if (store.moveRun(runId, run.status(), to, null, error, clock.millis())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The run with its journal. */
    public Optional<RunInfo> runInfo(String runId) {
        RunEntity run = store.findRun(runId);
        if (run == null) {
            return Optional.empty();
        }
        return Optional.of(new RunInfo(run.runId(), run.workflowName(), run.status(), run.input(), run.output(),
                run.error(), run.createdAt(), run.updatedAt(),
                store.journal(runId).stream().map(StepEntity::toInfo).toList()));
    }

    long leaseFrom(long now) {
        return now + config.lease().toMillis();
    }

    private ManagedExecutorService executor() {
        if (executor == null) {
            try {
                executor = (ManagedExecutorService) new InitialContext().lookup(config.executorJndiName());
            } catch (NamingException e) {
                throw new IllegalStateException("DWF0505: executor " + config.executorJndiName()
                        + " is not available", e);
            }
        }
        return executor;
    }
}
