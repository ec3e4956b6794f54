package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample on a Liberty server that lacks a part the library needs (Enterprise Beans; the executor its
 * configuration names): the application does not start, and Liberty's reason is the library's coded message naming
 * what is missing, not a failure at the first wait.
 */
class SampleMissingPartsIT {

    private static final String FAILED = "CWWKZ0002E";
    private static final String STARTED = "CWWKZ0001I";

    private final SampleServer server = new SampleServer();

    @AfterEach
    void stop() {
        SampleServer.stopAll(server);
    }

    @Test
    void aServerWithoutEnterpriseBeansDoesNotStartTheSampleAndSaysWhy() throws Exception {
        server.deploy();
        server.leaveOutFeaturesAtNextStart("enterpriseBeansLite-4.0", "enterpriseBeansPersistentTimer-4.0");

        String failure = startAndTellWhyTheSampleFailed(Map.of());

        assertTrue(failure.contains("DWF0504: the application sees no Jakarta Enterprise Beans")
                && failure.contains("enterpriseBeansPersistentTimer-4.0"), failure);
        assertEquals(404, server.get("/workflow/v2/waiters/ping").statusCode(), "the library answers");
    }

    @Test
    void anExecutorTheServerDoesNotBindFailsTheSampleAtItsStart() throws Exception {
        server.deploy();

        String failure = startAndTellWhyTheSampleFailed(Map.of("DURABLE_WORKFLOW_EXECUTOR", "concurrent/none"));

        assertTrue(failure.contains("DWF0505: executor concurrent/none is not available"), failure);
    }

    /** Starts the server and returns its log from the application's failure on (the reason follows on). */
    private String startAndTellWhyTheSampleFailed(Map<String, String> environment) throws Exception {
        server.startWithoutWaitingForTheSample(environment);
        AtomicReference<String> log = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            log.set(Files.exists(server.log()) ? Files.readString(server.log()) : "");
            return log.get().contains(FAILED) || log.get().contains(STARTED);
        });
        assertTrue(log.get().contains(FAILED), "the sample started: " + log.get());
        return log.get().substring(log.get().indexOf(FAILED));
    }
}
