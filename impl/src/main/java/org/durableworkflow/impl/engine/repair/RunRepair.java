package org.durableworkflow.impl.engine.repair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.api.exception.WorkflowException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.run.Ids;
import org.durableworkflow.impl.engine.run.Leases;
import org.durableworkflow.impl.ops.tracing.RunTracing;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.time.Clock;

/**
 * Repairs runs from their journal: resumes a failed run, or forks a run into a new one from a point of its journal.
 * Each is one transaction whose conditional update settles it against a concurrent notify, timeout, cancel or
 * repair, on any server; the run executes after that transaction commits.
 */
@ApplicationScoped
public class RunRepair {

    @Inject
    RunTracing tracing;
    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;
    @Inject
    Transactions transactions;
    @Inject
    Executions executions;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    /**
     * Takes a {@code FAILED} run back to RUNNING under this server's lease, without the journal entries (and
     * waiters) from the step whose failure failed it on, so that step runs again; a run that failed outside a step
     * (a nondeterminism error, say) replays its whole journal with the code deployed now. A failure handler's entries
     * go too. The conditional update comes first: of concurrent resumes, the one that loses changes nothing.
     */
    public void resume(String runId) {
        transactions.requiredRetryingConflicts(() -> {
            RunEntity run = existing(runId);
            long now = clock.millis();
            if (run.status() != RunStatus.FAILED
                    || !runs.makeRunnable(runId, RunStatus.FAILED, config.serverId(), Leases.expiryFrom(config, now),
                    now, tracing.currentTraceParent())) {
                throw new WorkflowException(RepairProblems.notFailed(runId, runs.findRun(runId).status()));
            }
            StepEntity last = journal.lastEntry(runId); // a failed step the workflow caught stays as it is
            int from = last != null && last.failed() ? last.seq() : StepEntity.FAILURE_SEQ;
            journal.deleteFrom(runId, from);
            waiters.deleteFrom(runId, from);
            runs.clearError(runId);
            transactions.afterCommit(() -> executions.submit(runId));
            return null;
        });
    }

    /**
     * Starts a new run of the run's workflow and input whose journal is the run's before {@code fromSequence}, and
     * returns its id; the new run executes from there. The original is left as it is.
     */
    public String fork(String runId, int fromSequence) {
        return transactions.requiredRetryingConflicts(() -> {
            RunEntity run = existing(runId);
            int last = journal.lastSeq(runId);
            if (fromSequence < 1 || fromSequence > last + 1) {
                throw new InvalidInputException(RepairProblems.sequenceOutside(runId, fromSequence, last));
            }
            long now = clock.millis();
            String forkId = Ids.runId();
            runs.insertRun(new RunEntity(forkId, run.workflowName(), run.input(), now, config.serverId(),
                    Leases.expiryFrom(config, now), tracing.currentTraceParent()));
            journal.copy(runId, forkId, fromSequence);
            transactions.afterCommit(() -> executions.submit(forkId));
            return forkId;
        });
    }

    private RunEntity existing(String runId) {
        RunEntity run = runs.findRun(runId);
        if (run == null) {
            throw new UnknownRunException(runId);
        }
        return run;
    }
}
