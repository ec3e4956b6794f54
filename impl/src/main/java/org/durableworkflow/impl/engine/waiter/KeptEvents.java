package org.durableworkflow.impl.engine.waiter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.EventEntity;
import org.durableworkflow.impl.store.EventStore;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.time.Clock;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Notifies kept until a wait takes them: a lookback notify for a run that does not wait for the id yet, and, within
 * the retention window, a notify that found no waiter. A wait takes the oldest kept event of its id in the
 * transaction that would register it. A notify and a wait committing at the same moment can miss each other; then
 * the follow-up that each schedules after its commit, or else the recovery sweep, pairs them.
 */
@ApplicationScoped
public class KeptEvents {

    private static final Logger LOG = Logger.getLogger(KeptEvents.class.getName());
    private static final int BATCH = 500;
    /**
     * Pages of pairs one call goes through at most: pairs a wait cannot read stay until their event expires, and
     * must not hide those after them.
     */
    private static final int PAGES = 10;

    @Inject
    EventStore events;
    @Inject
    RunStore runs;
    @Inject
    Transactions transactions;
    @Inject
    WaiterOutcomes outcomes;
    @Inject
    Dispatcher dispatcher;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;

    /**
     * In the current transaction: keeps a notify for a wait registered later. A wait registering at this moment may
     * not see it: the caller schedules {@link #pairAfterCommit} unless a lock it holds already orders the two.
     *
     * @param runId the run it is for; {@code null}: the first run to wait for the id
     */
    public void keep(String eventId, String runId, String eventText, Duration ttl) {
        long now = clock.millis();
        events.insert(new EventEntity(eventId, runId, eventText, now, now + ttl.toMillis()));
    }

    /** After the current transaction commits: delivers kept events of {@code eventId} to waiters they missed. */
    public void pairAfterCommit(String eventId, String runId) {
        dispatcher.executeAfterCommit(() -> pairUnmatched(eventId, runId));
    }

    /**
     * In a wait's transaction, its run's row locked: takes the oldest event kept for it that it can read as
     * {@code eventType}. One it cannot read stays kept for a wait that can, as a notify's data is the notifier's and
     * another workflow may wait for the same id with another type.
     *
     * @return the event taken, or {@code null} when none is kept
     */
    public EventEntity takeFor(String runId, String eventId, String eventType) {
        for (EventEntity event : events.keptFor(runId, eventId, clock.millis())) {
            if (!readable(event, eventType)) {
                LOG.fine(WaiterProblems.eventStaysKept(eventId, runId, eventType));
            } else if (events.take(event.id())) {
                return event;
            }
        }
        return null;
    }

    /**
     * Delivers kept events to waiting waiters of their id, each pair in a transaction of its own.
     *
     * @param eventId only this id; {@code null}: any
     * @param runId   the run a lookback event was kept for: its row is locked first, so that a wait of that run
     *                committing at this moment is seen; {@code null}: none
     * @return how many were delivered
     */
    public int pairUnmatched(String eventId, String runId) {
        Set<Long> takenEvents = new HashSet<>();
        Set<Long> servedWaiters = new HashSet<>();
        EventStore.PairSeen after = EventStore.PairSeen.NONE;
        for (int page = 0; page < PAGES; page++) {
            EventStore.PairSeen seen = after;
            List<Object[]> pairs = transactions.required(() -> {
                if (runId != null && seen == EventStore.PairSeen.NONE) {
                    runs.lockRun(runId);
                }
                return events.unmatched(eventId, seen, clock.millis(), BATCH);
            });
            for (Object[] pair : pairs) {
                EventEntity event = (EventEntity) pair[0];
                WaiterEntity waiter = (WaiterEntity) pair[1];
                if (!takenEvents.contains(event.id()) && !servedWaiters.contains(waiter.id())
                        && deliver(event, waiter)) {
                    takenEvents.add(event.id());
                    servedWaiters.add(waiter.id());
                }
                after = new EventStore.PairSeen(event.id(), waiter.id());
            }
            if (pairs.size() < BATCH) {
                break;
            }
        }
        return takenEvents.size();
    }

    private boolean deliver(EventEntity event, WaiterEntity waiter) {
        if (!readable(event, waiter.eventType())) {
            return false;
        }
        try {
            return transactions.requiresNew(() -> {
                if (outcomes.notifyWaiter(waiter, event.data()) == null) {
                    return false;
                }
                if (!events.take(event.id())) {
                    throw new TakenMeanwhile();
                }
                return true;
            });
        } catch (TakenMeanwhile e) {
            return false;
        } catch (Exception e) {
            LOG.fine(WaiterProblems.keptEventNotDelivered(e.getMessage()));
            return false;
        }
    }

    private boolean readable(EventEntity event, String eventType) {
        try {
            EventTypes.checkReadable(json, eventType, event.data());
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** Deletes kept events that expired or whose run ended. */
    public int deleteStale() {
        return transactions.required(() -> events.deleteStale(clock.millis()));
    }

    /** Rolls a delivery back: another transaction took the event between the read and the delivery. */
    private static final class TakenMeanwhile extends RuntimeException {
        TakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
