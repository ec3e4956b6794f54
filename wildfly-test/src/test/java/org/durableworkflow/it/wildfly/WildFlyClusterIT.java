package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.ClusterScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly nodes sharing one PostgreSQL schema, one killed with {@code kill -9} while 200 runs wait
 * ({@link ClusterScenario}, as {@code PostgresClusterIT} on Liberty). Each node keeps its timers in its own
 * {@code file-data-store}: the dead node's timeouts are settled by the survivor's recovery sweep.
 */
class WildFlyClusterIT {

    private static final ClusterScenario CLUSTER =
            new ClusterScenario(WildFlyNodes.first(), WildFlyNodes.second(), 200);

    @BeforeAll
    static void startCluster() throws Exception {
        CLUSTER.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        CLUSTER.close();
    }

    @Test
    void killingOneOfTwoNodesLosesAndDoublesNothing() throws Exception {
        CLUSTER.killOneWhileRunsWait();
    }
}
