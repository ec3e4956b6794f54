package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Deletes the runs that ended a {@code runs.retention} ago, with their journal, waiters and kept events. */
@ApplicationScoped
public class RetentionStore {

    /**
     * Deletes up to a number of runs that ended before a moment, oldest first, with their journal, waiters and kept
     * events: one statement on PostgreSQL, which skips runs another server's sweep is deleting.
     */
    public static final String DELETE_ENDED = "WITH r AS (SELECT RUN_ID FROM DWF_RUN WHERE STATUS IN " + RunStore.ENDED
            + " AND UPDATED_AT < ? ORDER BY UPDATED_AT LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " s AS (DELETE FROM DWF_STEP WHERE RUN_ID IN (SELECT RUN_ID FROM r)),"
            + " w AS (DELETE FROM DWF_WAITER WHERE RUN_ID IN (SELECT RUN_ID FROM r)),"
            + " e AS (DELETE FROM DWF_EVENT WHERE RUN_ID IN (SELECT RUN_ID FROM r))"
            + " DELETE FROM DWF_RUN WHERE RUN_ID IN (SELECT RUN_ID FROM r)";

    @Inject
    SchemaInstaller schema;
    @Inject
    Sql sql;

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
        List<String> runIds = sql.query("SELECT RUN_ID FROM DWF_RUN WHERE STATUS IN " + RunStore.ENDED
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
}
