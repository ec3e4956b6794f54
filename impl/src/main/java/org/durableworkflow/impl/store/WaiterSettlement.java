package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepType;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Settles a waiter, journals the outcome of its wait and takes its run from WAITING to RUNNING, in the current
 * transaction: for every notify and timeout. On PostgreSQL one statement, so one round trip instead of three; on
 * Derby the three statements.
 */
@ApplicationScoped
public class WaiterSettlement {

    /**
     * The settling update, the journal entry from the row it returns, and the run's update, each seeing what the
     * one before returned; a waiter settled already returns no row, and then nothing is written.
     */
    public static final String SETTLE_JOURNAL_RESUME = "WITH w AS (UPDATE DWF_WAITER SET STATE = ?"
            + " WHERE ID = ? AND STATE = ? RETURNING " + WaiterEntity.COLUMNS + "),"
            + " s AS (INSERT INTO DWF_STEP (" + StepEntity.COLUMNS + ")"
            + " SELECT RUN_ID, SEQ, STEP_NAME, STEP_TYPE, CASE STEP_TYPE WHEN ? THEN ? ELSE ? END, ?, NULL, ? FROM w),"
            + " r AS (UPDATE DWF_RUN SET STATUS = ?, LEASE_OWNER = ?, LEASE_EXPIRY = ?, UPDATED_AT = ?,"
            + " TRACE_PARENT = ?"
            + " WHERE RUN_ID = (SELECT RUN_ID FROM w)" + RunStore.AND_STATUS_IS
            + " RETURNING " + RunEntity.COLUMNS + ")"
            + " SELECT w.*, r.* FROM w LEFT JOIN r ON TRUE";

    /** The waiter as settled, and its run as it is now: {@code null} when the run was not waiting. */
    public record Settled(WaiterEntity waiter, RunEntity run) {
    }

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;
    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;

    /**
     * Settles waiter {@code waiterId} as {@code state} ({@link WaiterEntity#TIMED_OUT} or
     * {@link WaiterEntity#NOTIFIED}), journals its outcome with {@code resultText} (the event, for a notify) and
     * makes its run RUNNING under {@code owner}'s lease until {@code leaseExpiry}, keeping {@code traceParent} (the
     * notify's span, or {@code null}) for its execution.
     *
     * @return what changed, or {@code null} when the waiter was settled already (and nothing is changed)
     */
    public Settled settle(long waiterId, String state, String resultText, long now, String owner,
                          long leaseExpiry, String traceParent) {
        return settle(waiterId, null, state, resultText, now, owner, leaseExpiry, traceParent);
    }

    /** As {@link #settle(long, String, String, long, String, long, String)}, for a waiter read already. */
    public Settled settle(WaiterEntity waiter, String state, String resultText, long now, String owner,
                          long leaseExpiry, String traceParent) {
        return settle(waiter.id(), waiter, state, resultText, now, owner, leaseExpiry, traceParent);
    }

    private Settled settle(long waiterId, WaiterEntity known, String state, String resultText, long now,
                           String owner, long leaseExpiry, String traceParent) {
        if (!schema.postgres()) {
            // Derby: a waiter read already needs no second read, only the update that settles it
            WaiterEntity waiter = known == null ? waiters.settleWaiterReturning(waiterId, state)
                    : waiters.settleWaiter(waiterId, state) ? known : null;
            if (waiter == null) {
                return null;
            }
            journal.insertStep(StepEntity.settled(waiter, state, resultText, now));
            return new Settled(waiter, runs.resume(waiter.runId(), RunStatus.WAITING, owner, leaseExpiry, now,
                    traceParent));
        }
        return sql.query(SETTLE_JOURNAL_RESUME, WaiterSettlement::read, state, waiterId, WaiterEntity.WAITING,
                        StepType.SLEEP, StepEntity.outcomeOf(state, StepType.SLEEP),
                        StepEntity.outcomeOf(state, StepType.WAIT), Sql.text(resultText), now,
                        RunStatus.RUNNING, owner, leaseExpiry, now, traceParent, RunStatus.WAITING)
                .stream().findFirst().orElse(null);
    }

    private static Settled read(ResultSet row) throws SQLException {
        WaiterEntity waiter = WaiterEntity.read(row);
        boolean runWasWaiting = row.getString(WaiterEntity.COLUMN_COUNT + 1) != null;
        return new Settled(waiter, runWasWaiting ? RunEntity.read(row, WaiterEntity.COLUMN_COUNT) : null);
    }
}
