package org.durableworkflow.it.sample;

import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.WaiterSettlement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statements that take one run by its key and check its status find it by an index condition on its key in
 * every plan PostgreSQL may cache for them. A generic plan made while the runs table is small and has no statistics (autovacuum off, or
 * not yet run) used to read the index on STATUS instead, through every run in that status: 30 ms a notify with
 * 100,000 runs waiting. Generic plans are forced here, on the library's own schema with a few runs.
 */
class PostgresPlansIT {

    private static String schema;

    @BeforeAll
    static void createSchemaWithAFewRuns() throws Exception {
        schema = Postgres.createLibrarySchema("INSERT INTO DWF_RUN SELECT 'run-' || g, 'order', 'WAITING', NULL, NULL,"
                + " NULL, 0, 0, NULL, 0 FROM generate_series(1, 20) g");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        Postgres.dropSchema(schema);
    }

    static Stream<Arguments> statementsTakingARunByItsKey() {
        return Stream.of(Arguments.of("make runnable", RunStore.MAKE_RUNNABLE),
                Arguments.of("move run", RunStore.MOVE_RUN),
                Arguments.of("journal a step of a running run", JournalStore.INSERT_STEP_OF_RUNNING_RUN),
                Arguments.of("settle, journal and resume", WaiterSettlement.SETTLE_JOURNAL_RESUME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementsTakingARunByItsKey")
    void aRunIsTakenByItsKeyInAGenericPlan(String name, String sql) throws Exception {
        String plan = genericPlan(sql);

        // the key's index, or the runs list's (CREATED_AT, RUN_ID) when the statement also names the creation time:
        // either way an index condition on the run id, one row
        assertTrue(plan.lines().anyMatch(line -> line.contains("Index Cond") && line.contains("(run_id)::text = ")),
                plan);
        assertFalse(plan.contains("dwf_run_status"), plan);
    }

    /** {@code sql} prepared with its {@code ?} as parameters, and the generic plan PostgreSQL makes for it. */
    private static String genericPlan(String sql) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int parameters = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameters : String.valueOf(c));
        }
        try (Connection db = Postgres.connect(schema); Statement statement = db.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE taken AS " + numbered);
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = statement.executeQuery("EXPLAIN EXECUTE taken("
                    + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")")) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
