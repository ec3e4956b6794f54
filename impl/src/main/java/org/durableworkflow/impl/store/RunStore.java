package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.inject.Inject;
import jakarta.annotation.PostConstruct;
import org.durableworkflow.api.RunStatus;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every query of the library on runs, journal and waiters. Callers own the transactions. The statements of every
 * workflow go through plain JDBC ({@link Sql}); the recovery sweep's and the listings' through JPA.
 */
@ApplicationScoped
public class RunStore {

    /**
     * Declared on the {@code WaitTimeouts} EJB, which the container scans for resource references even in a library
     * JAR; a web module shares one {@code java:comp} namespace, so every bean of the library can look it up.
     */
    public static final String PERSISTENCE_CONTEXT = "durable-workflow/entity-manager";
    public static final String ENTITY_MANAGER = "java:comp/env/" + PERSISTENCE_CONTEXT;

    /** Run ids per statement that renews leases: a server's queue may hold thousands. */
    private static final int RENEWALS_PER_STATEMENT = 500;
    /**
     * The run's status as a condition of a statement that takes the run by its key, written as an expression so that
     * PostgreSQL cannot use it as an index condition: a plan cached while DWF_RUN was small and had no statistics
     * may otherwise read the index on STATUS through every run in that status, instead of the run's one row by its
     * key (30 ms a notify with 100,000 runs waiting, seen when autovacuum was off).
     */
    static final String AND_STATUS_IS = " AND STATUS || '' = ?";
    /** The run to RUNNING under a lease, if it is in the given state; also the start of {@link #resume}. */
    public static final String MAKE_RUNNABLE = "UPDATE DWF_RUN SET STATUS = ?, LEASE_OWNER = ?, LEASE_EXPIRY = ?,"
            + " UPDATED_AT = ? WHERE RUN_ID = ?" + AND_STATUS_IS;
    /** The run from one state to another, its lease released. */
    public static final String MOVE_RUN = "UPDATE DWF_RUN SET STATUS = ?, OUTPUT_JSON = ?, ERROR_TEXT = ?,"
            + " LEASE_OWNER = NULL, LEASE_EXPIRY = 0, UPDATED_AT = ? WHERE RUN_ID = ?" + AND_STATUS_IS;
    /** The statuses of runs that ended, as SQL, written out so that PostgreSQL matches its partial index. */
    static final String ENDED = "('COMPLETED', 'FAILED', 'CANCELLED')";
    /**
     * Deletes up to a number of runs that ended before a moment, oldest first, with their journal, waiters and kept
     * events: one statement on PostgreSQL, which skips runs another server's sweep is deleting.
     */
    public static final String DELETE_ENDED = "WITH r AS (SELECT RUN_ID FROM DWF_RUN WHERE STATUS IN " + ENDED
            + " AND UPDATED_AT < ? ORDER BY UPDATED_AT LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " s AS (DELETE FROM DWF_STEP WHERE RUN_ID IN (SELECT RUN_ID FROM r)),"
            + " w AS (DELETE FROM DWF_WAITER WHERE RUN_ID IN (SELECT RUN_ID FROM r)),"
            + " e AS (DELETE FROM DWF_EVENT WHERE RUN_ID IN (SELECT RUN_ID FROM r))"
            + " DELETE FROM DWF_RUN WHERE RUN_ID IN (SELECT RUN_ID FROM r)";
    /**
     * A journal row, if its run (by id and creation time) is RUNNING: a run cancelled or failed meanwhile journals no
     * more steps, and neither does one deleted meanwhile whose id was started again.
     */
    public static final String INSERT_STEP_OF_RUNNING_RUN = "INSERT INTO DWF_STEP (" + StepEntity.COLUMNS + ")"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM DWF_RUN WHERE RUN_ID = ? AND CREATED_AT = ?" + AND_STATUS_IS;
    /** A waiter out of WAITING, if nothing settled it first; also the start of {@link #settleWaiterReturning}. */
    private static final String SETTLE_WAITER = "UPDATE DWF_WAITER SET STATE = ? WHERE ID = ? AND STATE = ?";

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;

    private EntityManager em;

    @PostConstruct
    void lookUp() {
        em = lookUpEntityManager();
    }

    /** The library's container-managed persistence context, whose reads fail fast when the database is away. */
    static EntityManager lookUpEntityManager() {
        try {
            EntityManager em = (EntityManager) new InitialContext().lookup(ENTITY_MANAGER);
            FailFastReads.apply(em);
            return em;
        } catch (NamingException e) {
            throw new IllegalStateException("DWF0506: the library's persistence context " + ENTITY_MANAGER
                    + " is not available; is the persistence feature enabled?", e);
        }
    }

    /** Whether a run could have {@code runId}: not when it is missing or longer than the column. */
    public static boolean couldBeRunId(String runId) {
        return fits(runId, RunEntity.ID_LENGTH);
    }

    /** The run, or {@code null} when there is none (as for an id longer than any run's). */
    public RunEntity findRun(String runId) {
        if (!couldBeRunId(runId)) {
            return null;
        }
        return firstOf(sql.query("SELECT " + RunEntity.COLUMNS + " FROM DWF_RUN WHERE RUN_ID = ?", RunEntity::read,
                runId));
    }

    /**
     * Outside a transaction, Liberty may keep one persistence context for a whole request or task; reads must see
     * what other threads committed since, so every query re-reads its rows.
     */
    static <T> TypedQuery<T> fresh(TypedQuery<T> query) {
        return query.setHint("eclipselink.refresh", "true");
    }

    /**
     * Locks the run's row until the current transaction ends, so that a wait registering for the run and a notify
     * looking for its waiter see each other; false when there is no such run (yet).
     */
    public boolean lockRun(String runId) {
        return sql.update("UPDATE DWF_RUN SET UPDATED_AT = UPDATED_AT WHERE RUN_ID = ?", runId) == 1;
    }

    public void insertRun(RunEntity run) {
        sql.update("INSERT INTO DWF_RUN (" + RunEntity.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.runId(), run.workflowName(), run.status(), Sql.text(run.input()), Sql.text(run.output()),
                run.error(), run.createdAt(), run.updatedAt(), run.leaseOwner(), run.leaseExpiry());
    }

    public List<StepEntity> journal(String runId) {
        return sql.query("SELECT " + StepEntity.COLUMNS + " FROM DWF_STEP WHERE RUN_ID = ? ORDER BY SEQ",
                StepEntity::read, runId);
    }

    public void insertStep(StepEntity step) {
        sql.update("INSERT INTO DWF_STEP (" + StepEntity.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                step.values());
    }

    /**
     * Inserts the journal row of a step the run just took, if the run created at {@code runCreatedAt} is still
     * RUNNING; false, and nothing inserted, when it was cancelled or failed meanwhile (or deleted, its id reused).
     * On PostgreSQL one statement, so no round trip more than {@link #insertStep}; on embedded Derby a read of the
     * run's status, then the insert, in-process.
     */
    public boolean insertStepOfRunningRun(StepEntity step, long runCreatedAt) {
        if (!schema.postgres()) {
            if (!isRunning(step.runId(), runCreatedAt)) {
                return false;
            }
            insertStep(step);
            return true;
        }
        Object[] values = step.values();
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = step.runId();
        args[values.length + 1] = runCreatedAt;
        args[values.length + 2] = RunStatus.RUNNING;
        return sql.update(INSERT_STEP_OF_RUNNING_RUN, args) == 1;
    }

    /**
     * Whether the run {@code runId} created at {@code createdAt} is RUNNING: not cancelled or failed meanwhile, nor
     * deleted and its id started again.
     */
    public boolean isRunning(String runId, long createdAt) {
        return sql.query("SELECT STATUS FROM DWF_RUN WHERE RUN_ID = ? AND CREATED_AT = ?", row -> row.getString(1),
                runId, createdAt).equals(List.of(RunStatus.RUNNING.name()));
    }

    /**
     * Deletes up to {@code max} runs that ended (completed, failed or cancelled) before {@code before}, oldest first,
     * with their journal rows, waiters and the events kept for them.
     *
     * @return how many runs were deleted
     */
    public int deleteEndedBefore(long before, int max) {
        if (schema.postgres()) {
            return sql.update(DELETE_ENDED, before, max);
        }
        List<String> runIds = sql.query("SELECT RUN_ID FROM DWF_RUN WHERE STATUS IN " + ENDED
                + " AND UPDATED_AT < ? ORDER BY UPDATED_AT FETCH FIRST " + max + " ROWS ONLY", row -> row.getString(1),
                before);
        int deleted = 0;
        for (String runId : runIds) {
            sql.update("DELETE FROM DWF_STEP WHERE RUN_ID = ?", runId);
            sql.update("DELETE FROM DWF_WAITER WHERE RUN_ID = ?", runId);
            sql.update("DELETE FROM DWF_EVENT WHERE RUN_ID = ?", runId);
            deleted += sql.update("DELETE FROM DWF_RUN WHERE RUN_ID = ?", runId);
        }
        return deleted;
    }

    /** Moves a run from {@code from} to RUNNING under this server's lease; false when it was not in {@code from}. */
    public boolean makeRunnable(String runId, RunStatus from, String owner, long leaseExpiry, long now) {
        return sql.update(MAKE_RUNNABLE, RunStatus.RUNNING, owner, leaseExpiry, now, runId, from) == 1;
    }

    /**
     * {@link #makeRunnable}, returning the run as it is now, or {@code null} when it was not in {@code from}; one
     * round trip on PostgreSQL ({@code RETURNING}), an update and a read on Derby.
     */
    public RunEntity resume(String runId, RunStatus from, String owner, long leaseExpiry, long now) {
        if (!schema.postgres()) {
            return makeRunnable(runId, from, owner, leaseExpiry, now) ? findRun(runId) : null;
        }
        return firstOf(sql.query(MAKE_RUNNABLE + " RETURNING " + RunEntity.COLUMNS, RunEntity::read,
                RunStatus.RUNNING, owner, leaseExpiry, now, runId, from));
    }

    /** Moves a run from {@code from} to {@code to}, releasing its lease; false when it was not in {@code from}. */
    public boolean moveRun(String runId, RunStatus from, RunStatus to, String output, String error, long now) {
        return sql.update(MOVE_RUN, to, Sql.text(output), truncate(error), now, runId, from) == 1;
    }

    /**
     * Takes the leases of up to {@code max} runnable runs whose lease expired, whoever held it (at start also those
     * this server held before it stopped), and returns their ids. Of several servers claiming at once, each run goes
     * to exactly one: on PostgreSQL one {@code UPDATE ... FOR UPDATE SKIP LOCKED} statement, where servers skip the
     * rows another is claiming instead of waiting for them; elsewhere a read, then a conditional update per run.
     */
    public List<String> claimRuns(long now, String owner, long leaseExpiry, boolean includeOwn, int max) {
        if (schema.postgres()) {
            return claimSkippingLocked(now, owner, leaseExpiry, includeOwn, max);
        }
        String claimable = claimable(includeOwn);
        TypedQuery<String> candidates = fresh(em.createQuery("SELECT r.runId FROM RunEntity r"
                + " WHERE r.status = :running AND " + claimable + " ORDER BY r.leaseExpiry", String.class));
        Query claim = em.createQuery("UPDATE RunEntity r SET r.leaseOwner = :owner, r.leaseExpiry = :expiry"
                + " WHERE r.runId = :run AND r.status = :running AND " + claimable);
        if (includeOwn) {
            candidates.setParameter("owner", owner);
        }
        claim.setParameter("owner", owner).setParameter("expiry", leaseExpiry)
                .setParameter("running", RunStatus.RUNNING).setParameter("now", now);
        List<String> claimed = new ArrayList<>();
        for (String runId : candidates.setParameter("running", RunStatus.RUNNING).setParameter("now", now)
                .setMaxResults(max).getResultList()) {
            if (claim.setParameter("run", runId).executeUpdate() == 1) {
                claimed.add(runId);
            }
        }
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private List<String> claimSkippingLocked(long now, String owner, long leaseExpiry, boolean includeOwn, int max) {
        String own = includeOwn ? " OR LEASE_OWNER = ?4" : "";
        Query claim = em.createNativeQuery("UPDATE DWF_RUN SET LEASE_OWNER = ?4, LEASE_EXPIRY = ?5"
                + " WHERE RUN_ID IN (SELECT RUN_ID FROM DWF_RUN WHERE STATUS = ?1 AND (LEASE_EXPIRY < ?2" + own + ")"
                + " ORDER BY LEASE_EXPIRY LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING RUN_ID");
        return (List<String>) claim.setParameter(1, RunStatus.RUNNING.name()).setParameter(2, now)
                .setParameter(3, max).setParameter(4, owner).setParameter(5, leaseExpiry).getResultList();
    }

    private static String claimable(boolean includeOwn) {
        return includeOwn ? "(r.leaseExpiry < :now OR r.leaseOwner = :owner)" : "r.leaseExpiry < :now";
    }

    /**
     * Extends this server's leases on {@code runIds}, the runs it is executing now or has queued to execute; a run it
     * holds but does neither with (its execution failed on the database, say) lets its lease expire, so that a sweep
     * takes it up again.
     */
    public int renewLeases(String owner, long leaseExpiry, Collection<String> runIds) {
        List<String> ids = List.copyOf(runIds);
        int renewed = 0;
        for (int from = 0; from < ids.size(); from += RENEWALS_PER_STATEMENT) {
            renewed += em.createQuery("UPDATE RunEntity r SET r.leaseExpiry = :expiry"
                            + " WHERE r.leaseOwner = :owner AND r.status = :running AND r.runId IN :runs")
                    .setParameter("expiry", leaseExpiry).setParameter("owner", owner)
                    .setParameter("running", RunStatus.RUNNING)
                    .setParameter("runs", ids.subList(from, Math.min(ids.size(), from + RENEWALS_PER_STATEMENT)))
                    .executeUpdate();
        }
        return renewed;
    }

    /** Inserts a waiter and gives it its generated id. */
    public WaiterEntity insertWaiter(WaiterEntity waiter) {
        waiter.id(sql.insertWithId("DWF_WAITER", "RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, EVENT_TYPE, STATE,"
                + " DEADLINE, CREATED_AT", waiter.values()));
        return waiter;
    }

    public WaiterEntity findWaiter(long id) {
        return firstOf(waiters("ID = ?", id));
    }

    public WaiterEntity waiterOf(String runId, int seq) {
        return firstOf(waiters("RUN_ID = ? AND SEQ = ?", runId, seq));
    }

    private List<WaiterEntity> waiters(String where, Object... args) {
        return sql.query("SELECT " + WaiterEntity.COLUMNS + " FROM DWF_WAITER WHERE " + where + " ORDER BY ID",
                WaiterEntity::read, args);
    }

    /**
     * Whether {@code value} fits a column of {@code length} characters. No row holds a longer one, and Derby refuses
     * to compare a longer value with such a column (a truncation error) rather than find nothing.
     */
    private static boolean fits(String value, int length) {
        return value != null && value.length() <= length;
    }

    private static <T> T firstOf(List<T> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    /** A page of runs, newest first, filtered by status and workflow name where given ({@code null}: any). */
    public List<RunEntity> listRuns(RunStatus status, String workflowName, int offset, int limit) {
        if (workflowName != null && !fits(workflowName, RunEntity.NAME_LENGTH)) {
            return List.of();
        }
        String where = (status == null ? "" : " AND r.status = :status")
                + (workflowName == null ? "" : " AND r.workflowName = :workflow");
        TypedQuery<RunEntity> query = fresh(em.createQuery("SELECT r FROM RunEntity r WHERE 1 = 1" + where
                + " ORDER BY r.createdAt DESC, r.runId", RunEntity.class));
        if (status != null) {
            query.setParameter("status", status);
        }
        if (workflowName != null) {
            query.setParameter("workflow", workflowName);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** A page of the waiters still waiting, oldest first. */
    public List<WaiterEntity> listWaiting(int offset, int limit) {
        return fresh(em.createQuery("SELECT w FROM WaiterEntity w WHERE w.state = :waiting ORDER BY w.id",
                WaiterEntity.class)).setParameter("waiting", WaiterEntity.WAITING)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
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
        if (!couldBeRunId(runId)) {
            return List.of();
        }
        return waiters("RUN_ID = ? AND STATE = ?", runId, WaiterEntity.WAITING);
    }

    /** Waiters whose deadline passed before {@code before} and that are still waiting: their timeouts were lost. */
    public List<Long> overdueWaiters(long before, int max) {
        return fresh(em.createQuery("SELECT w.id FROM WaiterEntity w WHERE w.state = :waiting AND w.deadline < :before"
                        + " ORDER BY w.deadline", Long.class))
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
        return firstOf(sql.query(SETTLE_WAITER + " RETURNING " + WaiterEntity.COLUMNS, WaiterEntity::read, to,
                waiterId, WaiterEntity.WAITING));
    }

    /** Moves a waiter out of WAITING; false when another outcome won already. */
    public boolean settleWaiter(long waiterId, String to) {
        return sql.update(SETTLE_WAITER, to, waiterId, WaiterEntity.WAITING) == 1;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
