package org.durableworkflow.impl.engine.dispatch;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.store.Transactions;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands work to threads: executions to the managed executor through a queue ({@link ExecutionQueue}), or to the
 * caller's thread when the executor has a backlog; and holds the runs handed over, whose leases the recovery sweep
 * renews ({@link HeldRuns}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    Transactions transactions;
    @Inject
    WorkflowConfig config;

    private volatile boolean accepting = true;
    /** Looked up at first use. */
    private volatile ManagedExecutorService executor;
    /** Runs queued or executing here, whose leases the recovery sweep renews. */
    private final HeldRuns held = new HeldRuns();
    /** Executions handed over and not begun yet: the executor takes them, and notifies when it has a backlog. */
    private final ExecutionQueue queue = new ExecutionQueue(this::executor, () -> config.executorBacklog(), held);

    /**
     * Whether a start or a notify made now may execute its run on this thread, in its own transaction
     * ({@code executor.in-caller}): not within a transaction or a run's execution.
     */
    public boolean mayExecuteInCaller() {
        return accepting() && config.executesInCaller() && CurrentRun.get() == null && !transactions.active();
    }

    /** Queues {@code execution}, of run {@code runId}; when the queue refuses, the recovery sweep takes it later. */
    public void handOver(String runId, Runnable execution) {
        try {
            queue.handOver(runId, execution);
        } catch (RuntimeException e) {
            if (!accepting()) {
                LOG.fine(DispatchProblems.handOverFailed(runId, e.getMessage()));
                return; // stopping: the run stays runnable, its lease released at the end of the stop
            }
            // the executor refusing (at shutdown, the usual case) needs no stack; anything else does
            boolean refused = e.getCause() instanceof RejectedExecutionException;
            LOG.log(Level.WARNING, DispatchProblems.handOverFailed(runId, e.getMessage()), refused ? null : e);
        }
    }

    /**
     * Runs {@code work} on the executor once the current transaction commits (now when none is active); work the
     * executor refuses is dropped, so it must be work that changes nothing when left undone, or that the recovery
     * sweep does too.
     */
    public void executeAfterCommit(Runnable work) {
        transactions.afterCommit(() -> {
            try {
                executor().execute(work);
            } catch (RejectedExecutionException e) {
                LOG.fine(DispatchProblems.leftToRecovery(e.getMessage()));
            }
        });
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

    /**
     * Stops taking work, as the application stops: no execution begins from now on, on the executor or on a caller's
     * thread; those handed over and not begun are dropped, their runs left runnable in the database. Executions under
     * way go on to the end of the step they are in ({@code StepRunner} begins no other).
     *
     * @return how many executions not begun were dropped
     */
    public int close() {
        accepting = false;
        return queue.close();
    }

    /** Whether executions may begin here: until {@link #close}. */
    public boolean accepting() {
        return accepting;
    }

    /** Executions handed over and not begun yet. */
    public int queued() {
        return queue.size();
    }

    /** Runs queued or executing on this server: their leases are renewed. */
    public Set<String> heldRunIds() {
        return held.runIds();
    }

    /** Holds a run that executes on the caller's thread, as the queue holds those it was handed. */
    public void hold(String runId) {
        held.hold(runId);
    }

    public void release(String runId) {
        held.release(runId);
    }

    /**
     * Looks the executor the configuration names up, as the application starts.
     *
     * @throws IllegalStateException with the problem and its code when it is not bound
     */
    public void requireExecutor() {
        executor();
    }

    /** The managed executor, looked up at first use; a test gives its own. */
    protected ManagedExecutorService executor() {
        if (executor == null) {
            try {
                executor = (ManagedExecutorService) new InitialContext().lookup(config.executorJndiName());
            } catch (NamingException e) {
                throw new IllegalStateException(DispatchProblems.noExecutor(config.executorJndiName()), e);
            }
        }
        return executor;
    }
}
