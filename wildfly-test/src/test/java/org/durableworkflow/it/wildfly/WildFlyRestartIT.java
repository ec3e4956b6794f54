package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.Postgres;
import org.durableworkflow.it.sample.RestartScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample on one WildFly node on PostgreSQL, restarted with runs waiting: across a clean stop, and across a
 * {@code kill -9} after which timeouts fall due while the node is down ({@link RestartScenario}).
 */
class WildFlyRestartIT {

    private final WildFlyServer node = WildFlyNodes.first();
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
    }

    @AfterEach
    void dropSchema() throws Exception {
        org.durableworkflow.it.sample.ServerProcess.stopAll(node);
        Postgres.dropSchema(schema);
    }

    @Test
    void waitingRunsResumeAndTimeoutsDueWhileDownFireAfterRestart() throws Exception {
        new RestartScenario(node, schema).runsWaitAcrossAStopAndAKillWithTimeoutsDueWhileDown(10, 5);
    }
}
