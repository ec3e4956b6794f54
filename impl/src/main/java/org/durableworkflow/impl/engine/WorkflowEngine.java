package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.WorkflowDefinition;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.store.WaiterSettlement;
import org.durableworkflow.impl.time.Clock;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts runs, hands runnable runs to the managed executor ({@link Executions} executes them), and ends runs that
 * fail or are cancelled.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

    @Inject
    Definitions definitions;
    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;
    @Inject
    WaiterSettlement settlement;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    WorkflowConfig config;
    @Inject
    Executions executions;

    /** Looked up at first use; set beforehand by tests. */
    volatile ManagedExecutorService executor;
    /** Runs queued or executing here, whose leases the recovery sweep renews. */
    private final HeldRuns held = new HeldRuns();
    /** Executions handed over and not begun yet: the executor takes them, and notifies when it has a backlog. */
    private final ExecutionQueue queue = new ExecutionQueue(this::executor, () -> config.executorBacklog(), held);

    /** Starts a run, or returns {@code runId} unchanged when that run exists already. */
    public String start(String workflowName, Object input, String runId) {
        WorkflowDefinition definition = definitions.workflow(workflowName);
        if (definition == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        if (input == null && definition.inputType() instanceof Class<?> type && type.isPrimitive()) {
            // refused now, not when the run would fail unboxing it
            throw new InvalidInputException("DWF0216: the input of workflow '" + workflowName
                    + "' must not be null: its parameter is a " + type.getName());
        }
        String id = runId == null ? Ids.runId() : Inputs.id("workflowRunId", runId, config.maxIdLength());
        String inputJson = Inputs.payload("input", json.toJson(input), config.maxPayloadBytes());
        if (runId == null && executesInCaller() && startExecuting(newRun(id, workflowName, inputJson))) {
            return id;
        }
        try {
            return transactions.requiredRetryingConflicts(() -> {
                // an id generated here is new: only a caller's id needs the read
                if (runId == null || runs.findRun(id) == null) {
                    RunEntity run = newRun(id, workflowName, inputJson);
                    runs.insertRun(run);
                    transactions.afterCommit(() -> submit(id, new RunSnapshot(run, List.of())));
                }
                return id;
            });
        } catch (RuntimeException e) {
            // two starts with one id at once: the one whose insert lost finds the run the other committed (not
            // within the caller's transaction, which the failed insert spoiled)
            if (runId != null && Conflicts.isDuplicateKey(e) && !transactions.active()
                    && transactions.required(() -> runs.findRun(id)) != null) {
                return id;
            }
            throw e;
        }
    }

    private RunEntity newRun(String id, String workflowName, String inputJson) {
        long now = clock.millis();
        return new RunEntity(id, workflowName, inputJson, now, config.serverId(), leaseFrom(now));
    }

    /**
     * Whether a start or a notify made now may execute its run on this thread, in its own transaction
     * ({@code executor.in-caller}): not within a transaction or a run's execution.
     */
    boolean executesInCaller() {
        return config.executesInCaller() && CurrentRun.get() == null && !transactions.active();
    }

    /**
     * Inserts {@code run} and executes it on this thread in the same transaction, through its transactional steps
     * ({@link Executions#executeCarrying}): a start, a first step and a wait commit once.
     *
     * @return whether it committed; if not, nothing is stored
     */
    private boolean startExecuting(RunEntity run) {
        try {
            transactions.beginWith(() -> {
                runs.insertRun(run);
                return null;
            });
        } catch (Exception e) {
            return false; // the start the usual way reports what the database said
        }
        return executions.executeCarrying(new RunSnapshot(run, List.of()), true);
    }

    /**
     * Starts a run whose input arrives as JSON text (from REST): refused with 400 when it is not JSON of the
     * workflow's input type, before anything is stored.
     */
    public String startFromJson(String workflowName, String inputJson, String runId) {
        WorkflowDefinition definition = definitions.workflow(workflowName);
        if (definition == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        Object input = null;
        if (definition.inputType() != null && inputJson != null) {
            Inputs.depth("input", inputJson, config.maxJsonDepth());
            if (!JsonCodec.isOneJsonValue(inputJson)) {
                throw notJsonOf(definition); // JSON-B would read the first value and ignore what follows it
            }
            try {
                input = json.fromJson(inputJson, definition.inputType());
            } catch (RuntimeException e) {
                throw notJsonOf(definition);
            }
        }
        return start(workflowName, input, runId);
    }

    private static InvalidInputException notJsonOf(WorkflowDefinition definition) {
        return new InvalidInputException("DWF0216: the input is not JSON of type "
                + definition.inputType().getTypeName());
    }

    /**
     * In the current transaction: the run's execution, as {@link #settleAndMakeRunnable} returned it, begins after
     * the commit.
     *
     * @return the run, or {@code null} when {@code resumed} is (the waiter was settled already)
     */
    RunEntity resumeAfterCommit(RunSnapshot resumed) {
        if (resumed == null) {
            return null;
        }
        transactions.afterCommit(() -> submit(resumed.run().runId(), resumed));
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
    RunSnapshot settleAndMakeRunnable(long waiterId, String state, String resultText) {
        long now = clock.millis();
        return snapshotOf(settlement.settle(waiterId, state, resultText, now, config.serverId(), leaseFrom(now)));
    }

    /**
     * In the current transaction: times waiter {@code read} out as {@link #settleAndMakeRunnable} does, for an
     * execution that replayed its run up to the wait before the deadline ({@link DueTimeout}). The waiter as read
     * before: the settling is conditional on its state, so only Derby's update is left, not its read.
     *
     * @return the wait's outcome as journaled, or {@code null} when the waiter was settled already
     */
    StepEntity settleTimedOut(WaiterEntity read) {
        long now = clock.millis();
        WaiterSettlement.Settled settled = settlement.settle(read, WaiterEntity.TIMED_OUT, null, now,
                config.serverId(), leaseFrom(now));
        if (settled == null) {
            return null;
        }
        return StepEntity.settled(requireRunWasWaiting(settled), WaiterEntity.TIMED_OUT, null, now);
    }

    /** As {@link #settleAndMakeRunnable(long, String, String)}, for a waiter its caller has read already. */
    RunSnapshot settleAndMakeRunnable(WaiterEntity waiter, String state, String resultText) {
        long now = clock.millis();
        return snapshotOf(settlement.settle(waiter, state, resultText, now, config.serverId(), leaseFrom(now)));
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
            throw new IllegalStateException("DWF0605: waiter " + waiter.id() + " of run " + waiter.runId()
                    + " was waiting but its run was not; nothing is changed");
        }
        return waiter;
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

    /** As {@link #submit(String)}; the execution begins from {@code snapshot} when given, without reading the run. */
    void submit(String runId, RunSnapshot snapshot) {
        Runnable execution = () -> {
            try {
                executions.executeWhileRequested(runId, snapshot);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "DWF0603: run " + runId + " could not be executed; recovery will retry", e);
            }
        };
        try {
            queue.handOver(runId, execution);
        } catch (RuntimeException e) {
            // the executor refusing (at shutdown, the usual case) needs no stack; anything else does
            boolean refused = e.getCause() instanceof RejectedExecutionException;
            LOG.log(Level.WARNING, "DWF0600: handing run " + runId + " over failed (" + e.getMessage()
                    + "); recovery will resume it", refused ? null : e);
        }
    }

    /** Runs queued or executing on this server: their leases are renewed. */
    Set<String> heldRunIds() {
        return held.runIds();
    }

    /** What an execution on the caller's thread holds its run with, as the queue holds those it was handed. */
    HeldRuns held() {
        return held;
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
        if (!RunStore.couldBeRunId(runId)) {
            return false; // no such run: nothing to open a transaction for
        }
        boolean joins = transactions.active();
        boolean ended = transactions.requiredRetryingConflicts(() -> {
            for (WaiterEntity waiter : waiters.waitingOfRun(runId)) {
                waiters.settleWaiter(waiter.id(), WaiterEntity.CANCELLED);
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                RunEntity run = runs.findRun(runId);
                if (run == null || run.status().isFinal()) {
                    return false;
                }
                if (runs.moveRun(runId, run.status(), to, null, error, clock.millis())) {
                    // a wait that committed after the first look at the waiters left one: settle it too
                    for (WaiterEntity waiter : waiters.waitingOfRun(runId)) {
                        waiters.settleWaiter(waiter.id(), WaiterEntity.CANCELLED);
                    }
                    return true;
                }
            }
            return false;
        });
        RunExecution current = CurrentRun.get();
        if (ended && joins && current != null && current.runId().equals(runId)) {
            current.markEndedInOpenTransaction(); // the run's own code ended it: its stop commits that, not undoes it
        }
        return ended;
    }

    /** The run with its journal. */
    public Optional<RunInfo> runInfo(String runId) {
        RunEntity run = runs.findRun(runId);
        if (run == null) {
            return Optional.empty();
        }
        return Optional.of(new RunInfo(run.runId(), run.workflowName(), run.status(), run.input(), run.output(),
                run.error(), run.createdAt(), run.updatedAt(),
                journal.journal(runId).stream().map(StepEntity::toInfo).toList()));
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
