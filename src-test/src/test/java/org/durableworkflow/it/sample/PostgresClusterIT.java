package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty servers of a cluster sharing one PostgreSQL schema, one of them killed with {@code kill -9} while 1,000
 * runs wait: every run completes through the survivor, exactly once, and the dead server's timers fire there
 * ({@link ClusterScenario}, which other servers' modules run too).
 */
class PostgresClusterIT {

    private static final ClusterScenario CLUSTER =
            new ClusterScenario(SampleServer.pgServerA(), SampleServer.pgServerB(), 1000);

    @BeforeAll
    static void startCluster() throws Exception {
        CLUSTER.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        CLUSTER.close();
    }

    @Test
    void killingOneOfTwoServersLosesAndDoublesNothing() throws Exception {
        CLUSTER.killOneWhileRunsWait();
    }
}
