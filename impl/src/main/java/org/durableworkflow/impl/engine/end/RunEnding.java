package org.durableworkflow.impl.engine.end;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.engine.result.ResultWaiters;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.time.Clock;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Ends runs that are not final: fails them, or cancels them; their waiters are cancelled with them. */
@ApplicationScoped
public class RunEnding {

    private static final Logger LOG = Logger.getLogger(RunEnding.class.getName());

    @Inject
    RunStore runs;
    @Inject
    WaiterStore waiters;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;
    @Inject
    ResultWaiters results;
    @Inject
    WorkflowMetrics metrics;

    /** Fails a run that is running or waiting; its waiters are cancelled. */
    public void fail(String runId, String error) {
        LOG.log(Level.WARNING, EndProblems.runFailed(), new Object[]{runId, error});
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
            cancelWaiters(runId);
            for (int attempt = 0; attempt < 3; attempt++) {
                RunEntity run = runs.findRun(runId);
                if (run == null || run.status().isFinal()) {
                    return false;
                }
                if (runs.moveRun(runId, run.status(), to, null, error, clock.millis())) {
                    results.endedAfterCommit(new RunState(runId, to, null, RunStore.storedError(error)));
                    if (metrics.records()) {
                        String workflow = run.workflowName();
                        transactions.afterCommit(() -> metrics.runEnded(workflow, to));
                    }
                    cancelWaiters(runId); // a wait that committed after the first look at the waiters left one
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

    private void cancelWaiters(String runId) {
        for (WaiterEntity waiter : waiters.waitingOfRun(runId)) {
            waiters.settleWaiter(waiter.id(), WaiterEntity.CANCELLED);
        }
    }
}
