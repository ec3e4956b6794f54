package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's MicroProfile Health endpoints on PostgreSQL: the readiness check {@code durable-workflow} is UP, turns
 * DOWN with its reason while PostgreSQL is stopped (answering within its time limit, never hanging), and UP again once
 * it is back, without a restart of the server; the liveness check stays UP throughout, as a database outage is no
 * reason to restart a server.
 */
class PostgresHealthIT {

    /** Longer than the check's 2-second limit on the database, shorter than any wait for a hung connection. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final SampleOnOwnSchema SAMPLE = new SampleOnOwnSchema();
    private static final SampleServer SERVER = SAMPLE.server;

    @BeforeAll
    static void start() throws Exception {
        SAMPLE.start(Map.of("DURABLE_WORKFLOW_LEASE", "10s", "DURABLE_WORKFLOW_RECOVERY_INTERVAL", "2s"));
    }

    @AfterAll
    static void stop() throws Exception {
        SAMPLE.stop();
    }

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
        HttpResponse<String> started = SERVER.post("/orders", "{\"orderId\":\"h1\",\"userEmail\":\"u@example.com\"}",
                "application/json");
        assertEquals(202, started.statusCode(), started.body());
        HttpResponse<String> ready = health("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"durable-workflow\""), ready.body());
        assertTrue(ready.body().contains("\"oldest-runnable-seconds\""), ready.body());
        assertTrue(ready.body().contains("\"executions-queued\""), ready.body());
        HttpResponse<String> live = health("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"name\":\"durable-workflow\""), live.body());
        assertTrue(live.body().contains("\"last-sweep-seconds-ago\""), live.body());

        Postgres.control("stop");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> health("/health/ready").statusCode() == 503);
            HttpResponse<String> down = health("/health/ready");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
            assertTrue(down.body().contains("DWF0733: the database did not answer"), down.body());
            HttpResponse<String> stillLive = health("/health/live");
            assertEquals(200, stillLive.statusCode(), "an outage is no reason to restart: " + stillLive.body());
        } finally {
            Postgres.control("start");
        }

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> health("/health/ready").statusCode() == 200);
        assertTrue(health("/health/ready").body().contains("\"status\":\"UP\""));
        assertEquals(1, SAMPLE.count("DWF_RUN WHERE STATUS = 'WAITING'"), "the run waits on, unharmed");
    }

    /** The health endpoint's answer; a server that does not answer within {@link #ANSWER_WITHIN} fails the test. */
    private static HttpResponse<String> health(String path) throws Exception {
        return SERVER.get(path, ANSWER_WITHIN);
    }
}
