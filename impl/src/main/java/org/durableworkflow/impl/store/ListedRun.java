package org.durableworkflow.impl.store;

import org.durableworkflow.api.RunStatus;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A run as a listing shows it, without its input, output and error, so that a page reads no large column.
 * Listings are ordered newest first by ({@code createdAt}, {@code runId}), which is also their keyset cursor.
 */
public record ListedRun(String runId, String workflowName, RunStatus status, long createdAt, long updatedAt) {

    static final String COLUMNS = "RUN_ID, WORKFLOW_NAME, STATUS, CREATED_AT, UPDATED_AT";

    static ListedRun read(ResultSet row) throws SQLException {
        return new ListedRun(row.getString(1), row.getString(2), RunStatus.valueOf(row.getString(3)),
                row.getLong(4), row.getLong(5));
    }
}
