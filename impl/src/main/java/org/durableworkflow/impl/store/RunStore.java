package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The queries on runs (table DWF_RUN): each run's row by its id, its moves from one status to another, and the
 * listing of runs. Callers own the transactions; every statement goes through plain JDBC ({@link Sql}).
 */
@ApplicationScoped
public class RunStore {

    /**
     * The run's status as a condition of a statement that takes the run by its key, written as an expression so that
     * PostgreSQL cannot use it as an index condition: a plan cached while DWF_RUN was small and had no statistics
     * may otherwise read the index on STATUS through every run in that status, instead of the run's one row by its
     * key (30 ms a notify with 100,000 runs waiting, seen when autovacuum was off).
     */
    static final String AND_STATUS_IS = " AND STATUS || '' = ?";
    /**
     * The run to RUNNING under a lease, with the traceparent of what made it so, if it is in the given state; also
     * the start of {@link #resume}.
     */
    public static final String MAKE_RUNNABLE = "UPDATE DWF_RUN SET STATUS = ?, LEASE_OWNER = ?, LEASE_EXPIRY = ?,"
            + " UPDATED_AT = ?, TRACE_PARENT = ? WHERE RUN_ID = ?" + AND_STATUS_IS;
    /** The run from one state to another, its lease released. */
    public static final String MOVE_RUN = "UPDATE DWF_RUN SET STATUS = ?, OUTPUT_JSON = ?, ERROR_TEXT = ?,"
            + " LEASE_OWNER = NULL, LEASE_EXPIRY = 0, UPDATED_AT = ? WHERE RUN_ID = ?" + AND_STATUS_IS;
    /** The most run ids {@link #states} takes in one statement. */
    public static final int STATES_AT_ONCE = 500;
    /** The statuses of runs that ended, as SQL, written out so that PostgreSQL matches its partial index. */
    static final String ENDED = "('COMPLETED', 'FAILED', 'CANCELLED')";

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;

    /** Whether a run could have {@code runId}: not when it is missing or longer than the column. */
    public static boolean couldBeRunId(String runId) {
        return fits(runId, RunEntity.ID_LENGTH);
    }

    /** The run, or {@code null} when there is none (as for an id longer than any run's). */
    public RunEntity findRun(String runId) {
        if (!couldBeRunId(runId)) {
            return null;
        }
        return Sql.first(sql.query("SELECT " + RunEntity.COLUMNS + " FROM DWF_RUN WHERE RUN_ID = ?", RunEntity::read,
                runId));
    }

    /**
     * Locks the run's row until the current transaction ends, so that a wait registering for the run and a notify
     * looking for its waiter see each other; false when there is no such run (yet).
     */
    public boolean lockRun(String runId) {
        return sql.update("UPDATE DWF_RUN SET UPDATED_AT = UPDATED_AT WHERE RUN_ID = ?", runId) == 1;
    }

    public void insertRun(RunEntity run) {
        sql.update("INSERT INTO DWF_RUN (" + RunEntity.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.runId(), run.workflowName(), run.status(), Sql.text(run.input()), Sql.text(run.output()),
                run.error(), run.createdAt(), run.updatedAt(), run.leaseOwner(), run.leaseExpiry(),
                run.traceParent());
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
     * Moves a run from {@code from} to RUNNING under this server's lease, keeping {@code traceParent} (may be null)
     * for its execution; false when it was not in {@code from}.
     */
    public boolean makeRunnable(String runId, RunStatus from, String owner, long leaseExpiry, long now,
                                String traceParent) {
        return sql.update(MAKE_RUNNABLE, RunStatus.RUNNING, owner, leaseExpiry, now, traceParent, runId, from) == 1;
    }

    /**
     * {@link #makeRunnable}, returning the run as it is now, or {@code null} when it was not in {@code from}; one
     * round trip on PostgreSQL ({@code RETURNING}), an update and a read on Derby.
     */
    public RunEntity resume(String runId, RunStatus from, String owner, long leaseExpiry, long now,
                            String traceParent) {
        if (!schema.postgres()) {
            return makeRunnable(runId, from, owner, leaseExpiry, now, traceParent) ? findRun(runId) : null;
        }
        return Sql.first(sql.query(MAKE_RUNNABLE + " RETURNING " + RunEntity.COLUMNS, RunEntity::read,
                RunStatus.RUNNING, owner, leaseExpiry, now, traceParent, runId, from));
    }

    /** Moves a run from {@code from} to {@code to}, releasing its lease; false when it was not in {@code from}. */
    public boolean moveRun(String runId, RunStatus from, RunStatus to, String output, String error, long now) {
        return sql.update(MOVE_RUN, to, Sql.text(output), storedError(error), now, runId, from) == 1;
    }

    /**
     * The states of the runs among {@code runIds} (at most {@link #STATES_AT_ONCE}) that exist, in one statement;
     * ids that could be no run's are left out.
     */
    public List<RunState> states(Collection<String> runIds) {
        List<String> ids = runIds.stream().filter(RunStore::couldBeRunId).limit(STATES_AT_ONCE).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT RUN_ID, STATUS, OUTPUT_JSON, ERROR_TEXT FROM DWF_RUN WHERE RUN_ID IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", row -> new RunState(
                row.getString(1), RunStatus.valueOf(row.getString(2)), row.getString(3), row.getString(4)),
                ids.toArray());
    }

    /** How many runs wait and how many are RUNNING (executing, or due to), in the whole cluster: one statement. */
    public Map<RunStatus, Long> countWaitingAndRunning() {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        sql.query("SELECT STATUS, COUNT(*) FROM DWF_RUN WHERE STATUS IN ('WAITING', 'RUNNING') GROUP BY STATUS",
                row -> counts.put(RunStatus.valueOf(row.getString(1)), row.getLong(2)));
        return counts;
    }

    /**
     * A page of runs, newest first, that pass {@code filter}: after the run {@code after} of the listing's order
     * (keyset paging: the page costs the same however deep it is), else skipping {@code offset} runs.
     */
    public List<ListedRun> listRuns(RunFilter filter, ListedRun after, int offset, int limit) {
        if (!fitsOrNull(filter.workflowName(), RunEntity.NAME_LENGTH)
                || !fitsOrNull(filter.runId(), RunEntity.ID_LENGTH) || !fitsOrNull(filter.eventId(), RunEntity.ID_LENGTH)) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("SELECT " + ListedRun.COLUMNS + " FROM DWF_RUN WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            // a constant, not a parameter: PostgreSQL plans each status apart, by its own share of the runs, where a
            // generic plan would read the newest runs of every status looking for the few RUNNING ones
            query.append(" AND STATUS = '").append(filter.status().name()).append("'");
        }
        where(query, args, " AND WORKFLOW_NAME = ?", filter.workflowName());
        where(query, args, " AND RUN_ID = ?", filter.runId());
        where(query, args, " AND RUN_ID IN (SELECT RUN_ID FROM DWF_WAITER WHERE EVENT_ID = ?)", filter.eventId());
        if (after != null) {
            // written without a row comparison, which Derby lacks; the first term bounds the index range
            query.append(" AND CREATED_AT <= ? AND (CREATED_AT < ? OR RUN_ID < ?)");
            args.addAll(List.of(after.createdAt(), after.createdAt(), after.runId()));
        }
        query.append(" ORDER BY CREATED_AT DESC, RUN_ID DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.addAll(List.of(after != null ? 0 : offset, limit));
        return sql.query(query.toString(), ListedRun::read, args.toArray());
    }

    /** The run as a listing shows it, to page after it; {@code null} when there is none. */
    public ListedRun listedRun(String runId) {
        if (!couldBeRunId(runId)) {
            return null;
        }
        return Sql.first(sql.query("SELECT " + ListedRun.COLUMNS + " FROM DWF_RUN WHERE RUN_ID = ?", ListedRun::read,
                runId));
    }

    private static void where(StringBuilder query, List<Object> args, String condition, Object value) {
        if (value != null) {
            query.append(condition);
            args.add(value);
        }
    }

    private static boolean fitsOrNull(String value, int length) {
        return value == null || fits(value, length);
    }

    /**
     * Whether {@code value} fits a column of {@code length} characters. No row holds a longer one, and Derby refuses
     * to compare a longer value with such a column (a truncation error) rather than find nothing. Nor one holding
     * U+0000 (ids with control characters are refused), which PostgreSQL refuses to compare with text.
     */
    private static boolean fits(String value, int length) {
        return value != null && value.length() <= length && value.indexOf('\u0000') < 0;
    }

    /** {@code text} as the ERROR_TEXT column keeps it: its first 2,000 characters. */
    public static String storedError(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    /** Clears the error of a run that is RUNNING again. */
    public void clearError(String runId) {
        sql.update("UPDATE DWF_RUN SET ERROR_TEXT = NULL WHERE RUN_ID = ?", runId);
    }
}
