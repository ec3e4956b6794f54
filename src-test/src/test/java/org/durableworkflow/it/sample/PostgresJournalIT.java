package org.durableworkflow.it.sample;

import org.durableworkflow.impl.store.JournalStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On PostgreSQL, the statement that journals a step inserts its row only while the run is RUNNING: a run cancelled
 * while its step ran journals nothing more, and the step's transaction is rolled back (docs/guarantees.md, on
 * cancel). Bound as the library binds it: strings and enum names as text, numbers as numbers, a null text as VARCHAR.
 */
class PostgresJournalIT {

    private static String schema;

    @BeforeAll
    static void createSchemaWithARunningAndACancelledRun() throws Exception {
        schema = Postgres.createLibrarySchema("INSERT INTO DWF_RUN VALUES ('running', 'order', 'RUNNING', NULL, NULL,"
                + " NULL, 0, 0, NULL, 0), ('cancelled', 'order', 'CANCELLED', NULL, NULL, 'cancelled', 0, 0, NULL, 0)");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        Postgres.dropSchema(schema);
    }

    @Test
    void aStepOfARunningRunIsJournaled() throws Exception {
        assertEquals(1, journalStep("running"));
        assertEquals(1, Postgres.count(schema, "SELECT COUNT(*) FROM DWF_STEP WHERE RUN_ID = 'running'"));
    }

    @Test
    void aStepOfAnEarlierRunWithTheSameIdIsNot() throws Exception {
        // the run it belonged to was deleted (runs.retention) and its id started again
        String journal = "SELECT COUNT(*) FROM DWF_STEP WHERE RUN_ID = 'running'";
        long before = Postgres.count(schema, journal);

        assertEquals(0, journalStep("running", 5L));
        assertEquals(before, Postgres.count(schema, journal));
    }

    @Test
    void aStepOfACancelledRunIsNot() throws Exception {
        assertEquals(0, journalStep("cancelled"));
        assertEquals(0, Postgres.count(schema, "SELECT COUNT(*) FROM DWF_STEP WHERE RUN_ID = 'cancelled'"));
    }

    private static int journalStep(String runId) throws SQLException {
        return journalStep(runId, 0L);
    }

    private static int journalStep(String runId, long createdAt) throws SQLException {
        try (Connection db = Postgres.connect(schema);
             PreparedStatement insert = db.prepareStatement(JournalStore.INSERT_STEP_OF_RUNNING_RUN)) {
            insert.setString(1, runId);
            insert.setObject(2, 1);
            insert.setString(3, "request processing");
            insert.setString(4, "STEP");
            insert.setString(5, "COMPLETED");
            insert.setObject(6, "\"ok\"");
            insert.setNull(7, Types.VARCHAR);
            insert.setObject(8, 1_700_000_000_000L);
            insert.setString(9, runId);
            insert.setObject(10, createdAt);
            insert.setString(11, "RUNNING");
            return insert.executeUpdate();
        }
    }
}
