package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample on a Payara domain on PostgreSQL, restarted with runs waiting: across a clean stop, and across a
 * {@code kill -9} after which timeouts fall due while the domain is down ({@link RestartScenario}).
 */
class PayaraRestartIT {

    private static final PayaraServer SERVER = new PayaraServer("dw-sample-a", 12000);
    private static String schema;

    @BeforeAll
    static void schema() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        ServerProcess.stopAll(SERVER);
        Postgres.dropSchema(schema);
    }

    @Test
    void runsWaitAcrossAStopAndAKill() throws Exception {
        new RestartScenario(SERVER, schema).runsWaitAcrossAStopAndAKillWithTimeoutsDueWhileDown(5, 5);
    }
}
