package org.durableworkflow.impl.engine.step;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.run.CrashPoints;
import org.durableworkflow.impl.engine.run.Leases;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.engine.run.SuspendSignal;
import org.durableworkflow.impl.engine.waiter.KeptEvents;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepType;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.EventEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.timer.DeadlineWindows;

/**
 * Suspends a run: stores its waiter, arms the timeout and marks the run WAITING, all in one transaction (the one of
 * the step before it, when that is still open); or, when a notify was kept for the wait, takes it in that
 * transaction and lets the run go on.
 */
@ApplicationScoped
public class Waits {

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;
    @Inject
    KeptEvents keptEvents;
    @Inject
    Transactions transactions;
    @Inject
    DeadlineWindows deadlines;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    /**
     * Waits for {@code eventId}: returns at once with the outcome journaled when a notify was kept for it, and
     * otherwise registers the wait and throws the signal that unwinds the workflow method.
     *
     * @param eventType the class name the event data will be read as
     * @return the journaled outcome, carrying the kept event's data
     * @throws SuspendSignal when the run waits (or was cancelled meanwhile)
     */
    public StepEntity waitForEvent(RunExecution execution, int seq, String stepName, String eventId,
                                   String eventType, long deadline) throws Exception {
        String runId = execution.runId();
        StepEntity taken = execution.commitWith(transactions, () -> {
            long now = clock.millis();
            // moving the run locks its row: a lookback notify for the run waits until this commits
            if (!runs.moveRun(runId, RunStatus.RUNNING, RunStatus.WAITING, null, null, now)) {
                return null;
            }
            EventEntity kept = keptEvents.takeFor(runId, eventId, eventType);
            if (kept != null) {
                StepEntity outcome = new StepEntity(runId, seq, stepName, StepType.WAIT, StepEntity.NOTIFIED,
                        kept.data(), null, now);
                journal.insertStep(outcome);
                runs.makeRunnable(runId, RunStatus.WAITING, config.serverId(), Leases.expiryFrom(config, now), now,
                        null);
                return outcome;
            }
            register(runId, seq, StepType.WAIT, stepName, eventId, eventType, deadline, now);
            if (!config.eventRetention().isZero()) {
                keptEvents.pairAfterCommit(eventId, null); // a notify kept at this moment may not be seen above
            }
            return null;
        });
        if (taken != null) {
            return taken;
        }
        CrashPoints.reached("waiter-committed", stepName);
        throw execution.suspend();
    }

    /** Registers a sleep and returns the signal that unwinds the workflow method. */
    public SuspendSignal sleep(RunExecution execution, int seq, String stepName, long deadline) throws Exception {
        execution.commitWith(transactions, () -> {
            long now = clock.millis();
            if (runs.moveRun(execution.runId(), RunStatus.RUNNING, RunStatus.WAITING, null, null, now)) {
                register(execution.runId(), seq, StepType.SLEEP, stepName, null, null, deadline, now);
            }
            return null;
        });
        CrashPoints.reached("waiter-committed", stepName);
        return execution.suspend();
    }

    private void register(String runId, int seq, StepType type, String stepName, String eventId, String eventType,
                          long deadline, long now) {
        WaiterEntity waiter = waiters.insertWaiter(new WaiterEntity(runId, seq, stepName, type, eventId, eventType,
                deadline, now));
        deadlines.arm(waiter.id(), deadline);
    }
}
