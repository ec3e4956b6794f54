package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample on WildFly's {@code standalone-microprofile.xml}, a profile without Enterprise Beans: the deployment
 * fails, and WildFly's reason is the library's coded message naming what is missing.
 */
class WildFlyMissingPartsIT {

    private final WildFlyServer node = WildFlyNodes.first().profile("standalone-microprofile.xml");

    @AfterEach
    void stop() {
        ServerProcess.stopAll(node);
    }

    @Test
    void aProfileWithoutEnterpriseBeansFailsTheDeploymentNamingThem() throws Exception {
        node.deploy();

        // the profile has none of configure.cli's executor: the default one is enough to show the timers' message
        String failure = node.startForDeploymentOutcome(
                Map.of("DURABLE_WORKFLOW_EXECUTOR", "java:comp/DefaultManagedExecutorService"));

        assertNotNull(failure, "the sample deployed on a profile without Enterprise Beans");
        assertTrue(failure.contains("DWF0504: the application sees no Jakarta Enterprise Beans") && failure.contains("subsystem ejb3"),
                failure);
        assertTrue(!failure.contains("WFLYCTL0412"), "WildFly refused it before the library's check: " + failure);
    }
}
