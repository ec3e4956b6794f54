package org.durableworkflow.impl.engine.waiter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.run.CrashPoints;
import org.durableworkflow.impl.engine.run.Ids;
import org.durableworkflow.impl.engine.run.Inputs;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.api.exception.WorkflowException;
import org.durableworkflow.impl.config.RestRoot;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * Notifies an event id: resumes all its waiters, in registration order, or refuses data they could not read. A
 * notify nobody waits for is kept when it names a run (lookback) or when a retention window is configured.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    RunStore runs;
    @Inject
    WaiterStore waiters;
    @Inject
    Transactions transactions;
    @Inject
    WaiterOutcomes outcomes;
    @Inject
    KeptEvents keptEvents;
    @Inject
    JsonCodec json;
    @Inject
    WorkflowConfig config;
    @Inject
    RestRoot restRoot;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Executions executions;
    @Inject
    WorkflowMetrics metrics;

    /**
     * Delivers {@code eventText} to every waiter of {@code eventId} in the current transaction or a new one; with
     * no waiter, keeps it for {@code durable-workflow.events.retention} when that is set.
     *
     * @throws org.durableworkflow.api.exception.InvalidInputException when the id is invalid or a waiter could not
     *         read the data as its type; nothing is stored then
     */
    public NotifyOutcome notify(String eventId, String eventText) {
        Inputs.id("eventId", eventId, config.maxIdLength());
        Inputs.payload("eventData", eventText, config.maxPayloadBytes());
        Inputs.depth("eventData", eventText, config.maxJsonDepth());
        return counted(dispatcher.executingHereWhenBusy(() -> {
            NotifyOutcome executed = dispatcher.mayExecuteInCaller() ? notifyExecuting(eventId, eventText) : null;
            return executed != null ? executed : transactions.requiredRetryingConflicts(() -> {
                armCrashPoint(eventId);
                return deliverOrKeep(eventId, eventText, waiters.waitingFor(eventId));
            });
        }));
    }

    /** Counts the notify once it committed: now, or with the caller's transaction that it joined. */
    private NotifyOutcome counted(NotifyOutcome outcome) {
        if (!metrics.records()) {
            return outcome;
        }
        WorkflowMetrics.NotifyOutcome counted = outcome.kept() ? WorkflowMetrics.NotifyOutcome.KEPT
                : outcome.responses().isEmpty() ? WorkflowMetrics.NotifyOutcome.NOBODY_WAITING
                : WorkflowMetrics.NotifyOutcome.RESUMED;
        transactions.afterCommit(() -> metrics.notified(counted));
        return outcome;
    }

    private NotifyOutcome deliverOrKeep(String eventId, String eventText, List<WaiterEntity> waiters) {
        if (waiters.isEmpty() && !config.eventRetention().isZero()) {
            keptEvents.keep(eventId, null, eventText, config.eventRetention());
            keptEvents.pairAfterCommit(eventId, null); // a wait of any run may be registering now
            return NotifyOutcome.keptForLater();
        }
        return NotifyOutcome.delivered(deliver(waiters, eventText));
    }

    /**
     * The notify in a transaction of its own which, when the event has one waiter, executes its run on this thread
     * through the run's transactional steps ({@link Executions#executeCarrying}), so that the notify and those steps
     * commit once; {@code null} when the transaction did not commit for a conflict or a step that threw, and nothing
     * is changed: the caller notifies again the usual way.
     */
    private NotifyOutcome notifyExecuting(String eventId, String eventText) {
        RunSnapshot[] resumed = {null};
        NotifyOutcome outcome;
        try {
            outcome = transactions.beginWith(() -> {
                armCrashPoint(eventId);
                List<WaiterEntity> waiting = waiters.waitingFor(eventId);
                if (waiting.size() != 1) {
                    return deliverOrKeep(eventId, eventText, waiting);
                }
                WaiterEntity waiter = waiting.get(0);
                EventTypes.checkReadable(json, waiter.eventType(), eventText);
                resumed[0] = outcomes.notifyWaiterForExecution(waiter, eventText);
                return NotifyOutcome.delivered(resumed[0] == null ? List.of()
                        : List.of(response(waiter, resumed[0].run())));
            });
            if (resumed[0] == null) {
                transactions.commit();
                return outcome;
            }
        } catch (RuntimeException e) {
            if (Conflicts.isConflict(e)) {
                return null;
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the work above throws nothing checked
        }
        return executions.executeCarrying(resumed[0], true) ? outcome : null;
    }

    /**
     * A lookback notify: delivers {@code eventText} to the waiter of run {@code runId} for {@code eventId}, or, when
     * that run does not wait for it (yet), keeps it until the run's first wait for the id, for
     * {@code durable-workflow.events.lookback-retention} at most. A run that does not exist yet may be started
     * later with that id.
     *
     * @throws WorkflowException (409) when the run has ended: no wait can take the event any more
     */
    public NotifyOutcome notifyRun(String runId, String eventId, String eventText) {
        Inputs.id("workflowRunId", runId, config.maxIdLength());
        Inputs.id("eventId", eventId, config.maxIdLength());
        Inputs.payload("eventData", eventText, config.maxPayloadBytes());
        Inputs.depth("eventData", eventText, config.maxJsonDepth());
        return counted(dispatcher.executingHereWhenBusy(() -> transactions.requiredRetryingConflicts(() -> {
            armCrashPoint(eventId);
            List<NotifyResponse> delivered = deliver(waiters.waitingFor(eventId, runId), eventText);
            if (!delivered.isEmpty()) {
                return NotifyOutcome.delivered(delivered);
            }
            // The run's row, locked, orders this notify with a wait of the run registering now: either that wait
            // committed and its waiter is found below, or it runs after this commit and takes the kept event.
            boolean runExists = runs.lockRun(runId);
            if (runExists) {
                RunEntity run = runs.findRun(runId);
                if (run.status().isFinal()) {
                    throw new WorkflowException(WaiterProblems.runEnded(runId, run.status()));
                }
                delivered = deliver(waiters.waitingFor(eventId, runId), eventText);
                if (!delivered.isEmpty()) {
                    return NotifyOutcome.delivered(delivered);
                }
            }
            keptEvents.keep(eventId, runId, eventText, config.lookbackRetention());
            if (!runExists) {
                keptEvents.pairAfterCommit(eventId, runId); // no row to lock: the run may be starting now
            }
            return NotifyOutcome.keptForLater();
        })));
    }

    /** The waiters of {@code eventId}, in registration order. */
    public List<Waiter> waiters(String eventId) {
        Inputs.id("eventId", eventId, config.maxIdLength());
        return waiters.waitingFor(eventId).stream().map(this::waiter).toList();
    }

    private void armCrashPoint(String eventId) {
        if (CrashPoints.armed()) {
            transactions.afterCommit(() -> CrashPoints.reached("notify-committed", eventId));
        }
    }

    private List<NotifyResponse> deliver(List<WaiterEntity> waiters, String eventText) {
        waiters.forEach(w -> EventTypes.checkReadable(json, w.eventType(), eventText));
        List<NotifyResponse> responses = new ArrayList<>();
        for (WaiterEntity waiter : waiters) {
            RunEntity run = outcomes.notifyWaiter(waiter, eventText);
            if (run != null) {
                responses.add(response(waiter, run));
            }
        }
        return responses;
    }

    private NotifyResponse response(WaiterEntity waiter, RunEntity run) {
        return new NotifyResponse(waiter(waiter), Ids.messageId(), "", waiter.runId(), run.createdAt());
    }

    private Waiter waiter(WaiterEntity waiter) {
        return Waiter.of(waiter.runId(), restRoot.url() + "/runs/" + waiter.runId(), waiter.deadline() / 1000);
    }
}
