package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped for 10 seconds while runs wait and notifies arrive: notifies get a clear 503, never a 200 for
 * something not stored, and the server recovers without a restart; no run is lost.
 */
class PostgresOutageIT {

    private static final int RUNS = 40;
    private static final SampleServer SERVER = SampleServer.pgServerB();
    private static String schema;

    @BeforeAll
    static void start() throws Exception {
        schema = SERVER.startOnNewSchema(Map.of("DURABLE_WORKFLOW_LEASE", "10s",
                "DURABLE_WORKFLOW_RECOVERY_INTERVAL", "2s"));
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
        Postgres.dropSchema(schema);
    }

    @Test
    void notifiesDuringAnOutageAreRefusedAndEveryRunCompletesAfterIt() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            HttpResponse<String> started = SERVER.post("/orders",
                    "{\"orderId\":\"" + i + "\",\"userEmail\":\"u@example.com\"}", "application/json");
            assertEquals(202, started.statusCode(), started.body());
        }
        await().atMost(Duration.ofMinutes(1)).until(() ->
                Postgres.count(schema, "SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'") == RUNS);

        Postgres.control("stop");
        try {
            long outageEnds = System.currentTimeMillis() + 10_000;
            for (int i = 0; i < RUNS / 2; i++) {
                HttpResponse<String> refused = notify(i);
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("\"error\":\"DWF0807"), refused.body());
                assertFalse(refused.body().contains("SELECT"), "no SQL in answers: " + refused.body());
            }
            assertEquals(503, SERVER.get("/workflow/v2/waiters/order-0").statusCode());
            await().atMost(Duration.ofSeconds(30)).until(() -> System.currentTimeMillis() > outageEnds);
        } finally {
            Postgres.control("start");
        }

        for (int i = 0; i < RUNS; i++) {
            int order = i;
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> notify(order).statusCode() == 200); // the first calls may meet stale connections
        }
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() ->
                Postgres.count(schema, "SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'") == RUNS);
        assertEquals(RUNS, Postgres.count(schema, "SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION'"));
        assertEquals(RUNS * 4L, Postgres.count(schema, "SELECT COUNT(*) FROM DWF_STEP"));
    }

    private static HttpResponse<String> notify(int order) throws Exception {
        return SERVER.post("/workflow/v2/notify/order-" + order, "{\"status\":\"shipped\"}", "text/plain");
    }
}
