package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample on a Liberty server that lacks a part the library needs (Enterprise Beans; the executor its
 * configuration names): the application does not start, and Liberty's reason is the library's coded message naming
 * what is missing, not a failure at the first wait.
 */
class SampleMissingPartsIT {

    /** Liberty's words for an application that failed to start, and for one it then did not start. */
    private static final Pattern FAILED = Pattern.compile("CWWKZ0002E|CWWKZ0012I");
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
            return FAILED.matcher(log.get()).find() || log.get().contains(STARTED);
        });
        Matcher failed = FAILED.matcher(log.get());
        assertTrue(failed.find(), "the sample started: " + log.get());
        // the reason is in the lines around Liberty's: from the application's start on
        return log.get().substring(log.get().indexOf("CWWKZ0018I"));
    }
}
