package org.durableworkflow.it.sample;

import org.durableworkflow.impl.store.RetentionStore;
import org.durableworkflow.impl.store.SchemaInstaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On PostgreSQL, the statement by which the recovery sweep deletes runs that ended a {@code runs.retention} ago: it
 * takes ended runs only, oldest first, with their journal, waiters and kept events, skips runs another server's
 * sweep holds, and finds them through the partial index made for it.
 */
class PostgresRunRetentionIT {

    private static final long BEFORE = 1_000_000;

    private String schema;

    @BeforeEach
    void createSchemaWithRunsOfEveryKind() throws Exception {
        schema = Postgres.createLibrarySchema(SchemaInstaller.ENDED_RUNS_INDEXES.toArray(String[]::new));
        run("cancelled-old", "CANCELLED", 30); // not in the order they ended: the oldest must be found first
        run("completed-old", "COMPLETED", 10);
        run("failed-old", "FAILED", 20);
        run("completed-new", "COMPLETED", BEFORE + 10);
        run("waiting-old", "WAITING", 5);
        run("running-old", "RUNNING", 5);
    }

    @AfterEach
    void dropSchema() throws Exception {
        Postgres.dropSchema(schema);
    }

    @Test
    void runsThatEndedBeforeTheMomentAreDeletedWithTheirJournalWaitersAndKeptEvents() throws Exception {
        assertEquals(3, deleteEnded(10));

        assertEquals("completed-new, running-old, waiting-old", remaining("DWF_RUN"));
        assertEquals("completed-new, running-old, waiting-old", remaining("DWF_STEP"));
        assertEquals("completed-new, running-old, waiting-old", remaining("DWF_WAITER"));
        assertEquals("completed-new, running-old, waiting-old", remaining("DWF_EVENT"));
    }

    @Test
    void theOldestGoFirstAndARunAnotherSweepHoldsIsSkipped() throws Exception {
        try (Connection other = Postgres.connect(schema); Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute("SELECT * FROM DWF_RUN WHERE RUN_ID = 'completed-old' FOR UPDATE");

            assertEquals(1, deleteEnded(1));
            assertEquals("cancelled-old, completed-new, completed-old, running-old, waiting-old",
                    remaining("DWF_RUN"));
            other.rollback();
        }
    }

    @Test
    void theEndedRunsAreFoundThroughTheirIndex() throws Exception {
        try (Connection db = Postgres.connect(schema); Statement statement = db.createStatement()) {
            statement.execute("SET enable_seqscan = off"); // a few rows: the planner would read them all otherwise
            statement.execute("PREPARE purge AS " + RetentionStore.DELETE_ENDED.replaceFirst("\\?", "\\$1")
                    .replaceFirst("\\?", "\\$2"));
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = statement.executeQuery("EXPLAIN EXECUTE purge(" + BEFORE + ", 500)")) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("dwf_run_ended"), plan.toString());
        }
    }

    /** A run in {@code status}, last updated at {@code updatedAt}, with two journal rows, a waiter and a kept event. */
    private void run(String runId, String status, long updatedAt) throws SQLException {
        Postgres.update(schema, "INSERT INTO DWF_RUN VALUES ('" + runId + "', 'order', '" + status + "', NULL, NULL,"
                + " NULL, 0, " + updatedAt + ", NULL, 0)");
        Postgres.update(schema, "INSERT INTO DWF_STEP VALUES ('" + runId + "', 1, 'a', 'STEP', 'COMPLETED', NULL, NULL,"
                + " 0), ('" + runId + "', 2, 'b', 'WAIT', 'NOTIFIED', NULL, NULL, 0)");
        Postgres.update(schema, "INSERT INTO DWF_WAITER (RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, STATE, DEADLINE,"
                + " CREATED_AT) VALUES ('" + runId + "', 2, 'b', 'WAIT', 'e', 'NOTIFIED', 0, 0)");
        Postgres.update(schema, "INSERT INTO DWF_EVENT (EVENT_ID, RUN_ID, CREATED_AT, EXPIRES_AT) VALUES ('later', '"
                + runId + "', 0, " + Long.MAX_VALUE + ")");
    }

    private int deleteEnded(int max) throws SQLException {
        try (Connection db = Postgres.connect(schema);
             PreparedStatement delete = db.prepareStatement(RetentionStore.DELETE_ENDED)) {
            try (Statement timeout = db.createStatement()) {
                timeout.execute("SET lock_timeout = '5s'"); // waiting on a held run fails rather than hangs
            }
            delete.setObject(1, BEFORE);
            delete.setObject(2, max);
            return delete.executeUpdate();
        }
    }

    /** The distinct run ids left in {@code table}, sorted, comma-separated. */
    private String remaining(String table) throws SQLException {
        return String.join(", ", Postgres.rows(schema, "SELECT DISTINCT RUN_ID FROM " + table + " ORDER BY RUN_ID")
                .stream().map(row -> row[0]).toList());
    }
}
