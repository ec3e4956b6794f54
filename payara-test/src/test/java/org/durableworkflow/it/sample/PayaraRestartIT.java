package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample on a Payara domain on PostgreSQL, restarted with runs waiting: across a clean stop, and across a
 * {@code kill -9} after which timeouts fall due while the domain is down ({@link RestartScenario}). After it, the
 * library's health checks and metrics as Payara's own MicroProfile Health and Metrics serve them.
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
        new RestartScenario(SERVER, schema).checkingAfterRestart(PayaraRestartIT::healthAndMetrics)
                .runsWaitAcrossAStopAndAKillWithTimeoutsDueWhileDown(5, 5);
    }

    /** Both checks UP under Payara's {@code /health}; the resumes since the start counted in {@code /metrics}. */
    private static void healthAndMetrics(ServerProcess server, int resumed) throws Exception {
        HttpResponse<String> ready = server.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"durable-workflow\",\"status\":\"UP\""), ready.body());
        HttpResponse<String> live = server.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"last-sweep-seconds-ago\""), live.body());
        String metrics = server.get("/metrics?scope=application").body();
        assertTrue(metrics.contains("durable_workflow_notifies_total{mp_scope=\"application\",outcome=\"resumed\"} "
                + (double) resumed + "\n"), metrics);
    }
}
