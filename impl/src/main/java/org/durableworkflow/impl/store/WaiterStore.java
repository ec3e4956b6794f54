package org.durableworkflow.impl.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The queries on waiters (table DWF_WAITER): the waits registered, found and settled. Callers own the transactions. */
@ApplicationScoped
public class WaiterStore {

    /** A waiter out of WAITING, if nothing settled it first; also the start of {@link #settleWaiterReturning}. */
    private static final String SETTLE_WAITER = "UPDATE DWF_WAITER SET STATE = ? WHERE ID = ? AND STATE = ?";

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;

    private EntityManager em;

    @PostConstruct
    void lookUp() {
        em = JpaContext.lookUpEntityManager();
    }

    /** Inserts a waiter and gives it its generated id. */
    public WaiterEntity insertWaiter(WaiterEntity waiter) {
        waiter.id(sql.insertWithId("DWF_WAITER", "RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, EVENT_TYPE, STATE,"
                + " DEADLINE, CREATED_AT", waiter.values()));
        return waiter;
    }

    public WaiterEntity findWaiter(long id) {
        return Sql.first(waiters("ID = ?", id));
    }

    public WaiterEntity waiterOf(String runId, int seq) {
        return Sql.first(waiters("RUN_ID = ? AND SEQ = ?", runId, seq));
    }

    /** The waiters of {@code eventId} still waiting, in registration order. */
    public List<WaiterEntity> waitingFor(String eventId) {
        return waiters("EVENT_ID = ? AND STATE = ?", eventId, WaiterEntity.WAITING);
    }

    /** The waiters of run {@code runId} still waiting for {@code eventId}, in registration order. */
    public List<WaiterEntity> waitingFor(String eventId, String runId) {
        return waiters("EVENT_ID = ? AND RUN_ID = ? AND STATE = ?", eventId, runId, WaiterEntity.WAITING);
    }

    public List<WaiterEntity> waitingOfRun(String runId) {
        if (!RunStore.couldBeRunId(runId)) {
            return List.of();
        }
        return waiters("RUN_ID = ? AND STATE = ?", runId, WaiterEntity.WAITING);
    }

    /** Waiters whose deadline passed before {@code before} and that are still waiting: their timeouts were lost. */
    public List<Long> overdueWaiters(long before, int max) {
        return JpaContext.fresh(em.createQuery("SELECT w.id FROM WaiterEntity w WHERE w.state = :waiting"
                        + " AND w.deadline < :before ORDER BY w.deadline", Long.class))
                .setParameter("waiting", WaiterEntity.WAITING).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }

    /**
     * Moves waiter {@code waiterId} out of WAITING and returns it, or {@code null} when another outcome won already
     * or it does not exist: one round trip on PostgreSQL ({@code RETURNING}), a read and an update on Derby.
     */
    public WaiterEntity settleWaiterReturning(long waiterId, String to) {
        if (!schema.postgres()) {
            WaiterEntity waiter = findWaiter(waiterId);
            return waiter != null && settleWaiter(waiterId, to) ? waiter : null;
        }
        return Sql.first(sql.query(SETTLE_WAITER + " RETURNING " + WaiterEntity.COLUMNS, WaiterEntity::read, to,
                waiterId, WaiterEntity.WAITING));
    }

    /** Moves a waiter out of WAITING; false when another outcome won already. */
    public boolean settleWaiter(long waiterId, String to) {
        return sql.update(SETTLE_WAITER, to, waiterId, WaiterEntity.WAITING) == 1;
    }

    /** A page of the waiters still waiting, oldest first. */
    public List<WaiterEntity> listWaiting(int offset, int limit) {
        return JpaContext.fresh(em.createQuery("SELECT w FROM WaiterEntity w WHERE w.state = :waiting ORDER BY w.id",
                WaiterEntity.class)).setParameter("waiting", WaiterEntity.WAITING)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private List<WaiterEntity> waiters(String where, Object... args) {
        return sql.query("SELECT " + WaiterEntity.COLUMNS + " FROM DWF_WAITER WHERE " + where + " ORDER BY ID",
                WaiterEntity::read, args);
    }

    /** Deletes the run's waiters from sequence {@code seq} on: settled ones, of a run being resumed. */
    public void deleteFrom(String runId, int seq) {
        sql.update("DELETE FROM DWF_WAITER WHERE RUN_ID = ? AND SEQ >= ?", runId, seq);
    }
}
