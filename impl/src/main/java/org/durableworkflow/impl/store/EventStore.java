package org.durableworkflow.impl.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.durableworkflow.api.RunStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every query on kept events. Callers own the transactions. What a wait or a notify runs, and every read of an event's
 * data, is plain JDBC: Hibernate reads a {@code @Lob} text as a PostgreSQL large object, which a TEXT column is not.
 */
@ApplicationScoped
public class EventStore {

    /** How many columns of a row of {@link #unmatched} are its event's, before its waiter's. */
    private static final int EVENT_COLUMNS = EventEntity.COLUMNS.split(",").length;

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
        List<Object> args = new ArrayList<>(List.of(WaiterEntity.WAITING, now, after.eventId(), after.eventId(),
                after.waiterId()));
        if (eventId != null) {
            args.add(eventId);
        }
        return sql.query("SELECT " + prefixed("E.", EventEntity.COLUMNS) + ", " + prefixed("W.", WaiterEntity.COLUMNS)
                + " FROM DWF_EVENT E, DWF_WAITER W WHERE W.EVENT_ID = E.EVENT_ID AND W.STATE = ?"
                + " AND (E.RUN_ID IS NULL OR E.RUN_ID = W.RUN_ID) AND E.EXPIRES_AT > ?"
                + " AND (E.ID > ? OR (E.ID = ? AND W.ID > ?))" + (eventId == null ? "" : " AND E.EVENT_ID = ?")
                + " ORDER BY E.ID, W.ID FETCH FIRST " + max + " ROWS ONLY",
                row -> new Object[]{EventEntity.read(row), WaiterEntity.read(row, EVENT_COLUMNS)}, args.toArray());
    }

    /** {@code columns} ("A, B") each with {@code prefix} ("E.A, E.B"). */
    private static String prefixed(String prefix, String columns) {
        return Arrays.stream(columns.split(",")).map(column -> prefix + column.trim()).collect(Collectors.joining(", "));
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
        return sql.query("SELECT " + EventEntity.COLUMNS + " FROM DWF_EVENT WHERE EXPIRES_AT > ? ORDER BY ID"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", EventEntity::read, now, offset, limit);
    }
}
