package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;

import java.util.List;

/** The queries on the journal (table DWF_STEP): each durable call of a run and its outcome. Callers own transactions. */
@ApplicationScoped
public class JournalStore {

    /**
     * A journal row, if its run (by id and creation time) is RUNNING: a run cancelled or failed meanwhile journals no
     * more steps, and neither does one deleted meanwhile whose id was started again.
     */
    public static final String INSERT_STEP_OF_RUNNING_RUN = "INSERT INTO DWF_STEP (" + StepEntity.COLUMNS + ")"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM DWF_RUN WHERE RUN_ID = ? AND CREATED_AT = ?"
            + RunStore.AND_STATUS_IS;

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;
    @Inject
    RunStore runs;

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
            if (!runs.isRunning(step.runId(), runCreatedAt)) {
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

    /** The run's last journal entry before its failure handler's, or {@code null}. */
    public StepEntity lastEntry(String runId) {
        return Sql.first(sql.query("SELECT " + StepEntity.COLUMNS + " FROM DWF_STEP WHERE RUN_ID = ? AND SEQ < ?"
                + " ORDER BY SEQ DESC", StepEntity::read, runId, StepEntity.FAILURE_SEQ));
    }

    /** The run's last journaled sequence, its failure handler's left out; 0 when the journal is empty. */
    public int lastSeq(String runId) {
        Integer last = Sql.first(sql.query("SELECT MAX(SEQ) FROM DWF_STEP WHERE RUN_ID = ? AND SEQ < ?",
                JournalStore::intOrNull, runId, StepEntity.FAILURE_SEQ));
        return last == null ? 0 : last;
    }

    /** The run's last failed step before its failure handler's, or {@code null}. */
    public StepEntity lastFailed(String runId) {
        return Sql.first(sql.query("SELECT " + StepEntity.COLUMNS + " FROM DWF_STEP WHERE RUN_ID = ? AND OUTCOME = ?"
                + " AND SEQ < ? ORDER BY SEQ DESC", StepEntity::read, runId, StepEntity.FAILED, StepEntity.FAILURE_SEQ));
    }

    /** Deletes the run's journal entries from sequence {@code seq} on. */
    public void deleteFrom(String runId, int seq) {
        sql.update("DELETE FROM DWF_STEP WHERE RUN_ID = ? AND SEQ >= ?", runId, seq);
    }

    /** Copies the journal entries of {@code fromRunId} before sequence {@code beforeSeq} to the run {@code toRunId}. */
    public void copy(String fromRunId, String toRunId, int beforeSeq) {
        // the new id is cast: Derby takes no untyped parameter in a select list
        sql.update("INSERT INTO DWF_STEP (" + StepEntity.COLUMNS + ") SELECT CAST(? AS VARCHAR(" + RunEntity.ID_LENGTH
                + ")), SEQ, STEP_NAME, STEP_TYPE, OUTCOME, RESULT_TEXT, ERROR_TEXT, CREATED_AT FROM DWF_STEP"
                + " WHERE RUN_ID = ? AND SEQ < ?", toRunId, fromRunId, beforeSeq);
    }

    private static Integer intOrNull(java.sql.ResultSet row) throws java.sql.SQLException {
        int value = row.getInt(1);
        return row.wasNull() ? null : value;
    }
}
