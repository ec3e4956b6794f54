package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepType;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.timer.TimerGateway;

/** Suspends a run: stores its waiter, arms the timeout and marks the run WAITING, all in one transaction. */
@ApplicationScoped
public class Waits {

    @Inject
    RunStore store;
    @Inject
    Transactions transactions;
    @Inject
    TimerGateway timers;
    @Inject
    Clock clock;

    /**
     * Registers the wait and returns the signal that unwinds the workflow method. A run cancelled meanwhile gets no
     * waiter and is unwound all the same.
     *
     * @param eventId   the awaited event id; {@code null} for a sleep
     * @param eventType the class name the event data will be read as, {@code null} for a sleep
     */
    public SuspendSignal suspend(RunExecution execution, int seq, StepType type, String stepName, String eventId,
                                 String eventType, long deadline) throws Exception {
        transactions.requiresNew(() -> {
            execution.runFirstTransactionWork(transactions);
            long now = clock.millis();
            if (!store.moveRun(execution.runId(), RunStatus.RUNNING, RunStatus.WAITING, null, null, now)) {
                return null;
            }
            WaiterEntity waiter = store.insertWaiter(new WaiterEntity(execution.runId(), seq, stepName, type,
                    eventId, eventType, deadline, now));
            waiter.timerHandle(timers.schedule(waiter.id(), deadline));
            return null;
        });
        CrashPoints.reached("waiter-committed", stepName);
        return execution.suspend();
    }
}
