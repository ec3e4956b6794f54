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
}
