package org.durableworkflow.impl.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.durableworkflow.api.RunStatus;

import java.util.List;

/** Every query on kept events. Callers own the transactions. What a wait or a notify runs is plain JDBC. */
@ApplicationScoped
public class EventStore {

    @Inject
    Sql sql;

    private EntityManager em;

    @PostConstruct
    void lookUp() {
        em = JpaContext.lookUpEntityManager();
    }

    public void insert(EventEntity event) {
        event.id(sql.insertWithId("DWF_EVENT", "EVENT_ID, RUN_ID, EVENT_DATA, CREATED_AT, EXPIRES_AT",
                event.values()));
    }

    /** The unexpired events kept for a wait of {@code runId} on {@code eventId}: its own and anyone's, oldest first. */
    public List<EventEntity> keptFor(String runId, String eventId, long now) {
        return sql.query("SELECT " + EventEntity.COLUMNS + " FROM DWF_EVENT WHERE EVENT_ID = ?"
                + " AND (RUN_ID IS NULL OR RUN_ID = ?) AND EXPIRES_AT > ? ORDER BY ID", EventEntity::read,
                eventId, runId, now);
    }

    /**
     * Kept events and waiting waiters that match, each pair as {@code [event, waiter]}, oldest event first: they
     * missed each other when the notify and the wait committed at the same moment, or the follow-up that pairs them
     * was lost in a crash.
     *
     * @param eventId only this event id; {@code null}: any
     * @param after   only the pairs after this one, in that order: the next page
     */
    public List<Object[]> unmatched(String eventId, PairSeen after, long now, int max) {
        TypedQuery<Object[]> query = JpaContext.fresh(em.createQuery("SELECT e, w FROM EventEntity e, WaiterEntity w"
                + " WHERE w.eventId = e.eventId AND w.state = :waiting AND (e.runId IS NULL OR e.runId = w.runId)"
                + " AND e.expiresAt > :now AND (e.id > :afterEvent OR (e.id = :afterEvent AND w.id > :afterWaiter))"
                + (eventId == null ? "" : " AND e.eventId = :event") + " ORDER BY e.id, w.id", Object[].class));
        if (eventId != null) {
            query.setParameter("event", eventId);
        }
        return query.setParameter("waiting", WaiterEntity.WAITING).setParameter("now", now)
                .setParameter("afterEvent", after.eventId()).setParameter("afterWaiter", after.waiterId())
                .setMaxResults(max).getResultList();
    }

    /** The last pair of a page of {@link #unmatched}, by the ids of its event and waiter. */
    public record PairSeen(long eventId, long waiterId) {
        /** Before every pair. */
        public static final PairSeen NONE = new PairSeen(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    /** Takes an event: false when another transaction took it first. */
    public boolean take(long id) {
        return sql.update("DELETE FROM DWF_EVENT WHERE ID = ?", id) == 1;
    }

    /**
     * Deletes expired events and those kept for runs that ended; returns how many. The ended runs' events are read
     * first, before this transaction holds any event row, and then deleted by id: a transaction that held event rows
     * while reading the runs table would wait for a run row while a wait of that run, holding its row, waits for an
     * event row of its id, and deadlock with it on Derby, which finds a deadlock only after 20 s.
     */
    public int deleteStale(long now) {
        List<Long> ofEndedRuns = em.createQuery("SELECT e.id FROM EventEntity e, RunEntity r"
                        + " WHERE e.runId = r.runId AND r.status IN :ended", Long.class)
                .setParameter("ended", List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED))
                .setMaxResults(500).getResultList();
        int ended = ofEndedRuns.isEmpty() ? 0 : em.createQuery("DELETE FROM EventEntity e WHERE e.id IN :ids")
                .setParameter("ids", ofEndedRuns).executeUpdate();
        return ended + em.createQuery("DELETE FROM EventEntity e WHERE e.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }

    /** The events kept now, oldest first, for the management API. */
    public List<EventEntity> list(long now, int offset, int limit) {
        return JpaContext.fresh(em.createQuery("SELECT e FROM EventEntity e WHERE e.expiresAt > :now ORDER BY e.id",
                        EventEntity.class)).setParameter("now", now)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
