package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample on servers that lack a part the library needs: the deployment fails, and WildFly's reason is the
 * library's coded message naming what is missing. A missing API is found before any bean is registered; a missing
 * resource by the look-ups at the application's start.
 */
class WildFlyMissingPartsIT {

    private final WildFlyServer node = WildFlyNodes.first();

    @AfterEach
    void stop() {
        ServerProcess.stopAll(node);
    }

    @Test
    void aProfileWithoutEnterpriseBeansFailsTheDeploymentNamingThem() throws Exception {
        node.profile("standalone-microprofile.xml").deploy();

        String failure = node.startForDeploymentOutcome(Map.of());

        assertNotNull(failure, "the sample deployed on a profile without Enterprise Beans");
        assertTrue(failure.contains("DWF0504: the application sees no Jakarta Enterprise Beans")
                && failure.contains("subsystem ejb3"), failure);
        assertTrue(!failure.contains("WFLYCTL0412"), "WildFly refused it before the library's check: " + failure);
    }

    @Test
    void anExecutorTheServerDoesNotBindFailsTheDeploymentAtItsStart() throws Exception {
        node.deploy();

        String failure = node.startForDeploymentOutcome(
                Map.of("DURABLE_WORKFLOW_EXECUTOR", "java:jboss/ee/concurrency/executor/none"));

        assertNotNull(failure, "the sample deployed with an executor WildFly does not bind");
        assertTrue(failure.contains("DWF0505: executor java:jboss/ee/concurrency/executor/none is not available"),
                failure);
    }
}
