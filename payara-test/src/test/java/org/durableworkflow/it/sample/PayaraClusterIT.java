package org.durableworkflow.it.sample;

import org.junit.jupiter.api.Test;

/**
 * Two Payara domains on one PostgreSQL schema, the first killed with {@code kill -9} while 200 runs wait
 * ({@link ClusterScenario}). Payara keeps EJB timers in each domain's own database (jdbc/__TimerPool), so the dead
 * domain's timers never fire on the survivor: the library's recovery sweep times its overdue waiters out there.
 */
class PayaraClusterIT {

    @Test
    void killingOneOfTwoDomainsLosesAndDoublesNothing() throws Exception {
        try (ClusterScenario cluster = new ClusterScenario(new PayaraServer("dw-sample-a", 12000),
                new PayaraServer("dw-sample-b", 12200), 200)) {
            cluster.start();
            cluster.killOneWhileRunsWait();
        }
    }
}
