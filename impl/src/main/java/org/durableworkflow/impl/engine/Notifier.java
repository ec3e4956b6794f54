package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;

import java.util.ArrayList;
import java.util.List;

/** Notifies an event id: resumes all its waiters, in registration order, or refuses data they could not read. */
@ApplicationScoped
public class Notifier {

    @Inject
    RunStore store;
    @Inject
    Transactions transactions;
    @Inject
    WaiterOutcomes outcomes;
    @Inject
    JsonCodec json;
    @Inject
    WorkflowConfig config;

    /**
     * Delivers {@code eventText} to every waiter of {@code eventId} in the current transaction or a new one.
     *
     * @throws org.durableworkflow.api.exception.InvalidInputException when the id is invalid or a waiter could not
     *         read the data as its type; nothing is stored then
     */
    public List<NotifyResponse> notify(String eventId, String eventText) {
        Inputs.id("eventId", eventId, config.maxIdLength());
        Inputs.payload("eventData", eventText, config.maxPayloadBytes());
        return transactions.required(() -> {
            if (CrashPoints.armed()) {
                transactions.afterCommit(() -> CrashPoints.reached("notify-committed", eventId));
            }
            List<WaiterEntity> waiters = store.waitingFor(eventId);
            waiters.forEach(w -> checkReadable(w, eventText));
            List<NotifyResponse> responses = new ArrayList<>();
            for (WaiterEntity waiter : waiters) {
                RunEntity run = outcomes.notifyWaiter(waiter, eventText);
                if (run != null) {
                    responses.add(response(waiter, run));
                }
            }
            return responses;
        });
    }

    /** The waiters of {@code eventId}, in registration order. */
    public List<Waiter> waiters(String eventId) {
        Inputs.id("eventId", eventId, config.maxIdLength());
        return store.waitingFor(eventId).stream().map(this::waiter).toList();
    }

    private void checkReadable(WaiterEntity waiter, String eventText) {
        Class<?> type = loadable(waiter.eventType());
        if (type != null) {
            json.readEvent(eventText, type);
        }
    }

    private static Class<?> loadable(String className) {
        if (className == null) {
            return null;
        }
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private NotifyResponse response(WaiterEntity waiter, RunEntity run) {
        return new NotifyResponse(waiter(waiter), Ids.messageId(), "", waiter.runId(), run.createdAt());
    }

    private Waiter waiter(WaiterEntity waiter) {
        return Waiter.of(waiter.runId(), config.publicUrl() + "/runs/" + waiter.runId(), waiter.deadline() / 1000);
    }
}
