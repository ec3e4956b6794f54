package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On PostgreSQL one statement settles a waiter, journals the wait's outcome and takes the run back. A waiting waiter
 * rules out a run that is not waiting; should one be found all the same (the defect docs/guarantees.md describes),
 * that statement must change nothing: the notify fails with DWF0605 and rolls back, instead of committing a settled
 * waiter whose run nobody resumes. Both ways a notify resumes a run: executing it on the notify's thread
 * ({@code executor.in-caller}, the default) and leaving it to the executor after the commit.
 */
class PostgresSettlementIT {

    private final SampleOnOwnSchema sample = new SampleOnOwnSchema();

    @AfterEach
    void stop() throws Exception {
        sample.stop();
    }

    @ParameterizedTest(name = "executor.in-caller={0}")
    @ValueSource(booleans = {true, false})
    void aNotifyChangesNothingWhenTheWaitersRunIsNotWaiting(boolean inCaller) throws Exception {
        sample.start(Map.of("DURABLE_WORKFLOW_EXECUTOR_IN_CALLER", String.valueOf(inCaller)));
        HttpResponse<String> started = sample.server.post("/orders",
                "{\"orderId\":\"1\",\"userEmail\":\"u@example.com\"}", "application/json");
        assertEquals(202, started.statusCode(), started.body());
        await().atMost(Duration.ofMinutes(1)).until(() -> sample.count("DWF_RUN WHERE STATUS = 'WAITING'") == 1);
        // the run held by another server, its lease far ahead (so no recovery sweep takes it meanwhile)
        Postgres.update(sample.schema(), "UPDATE DWF_RUN SET STATUS = 'RUNNING', LEASE_OWNER = 'elsewhere',"
                + " LEASE_EXPIRY = " + (System.currentTimeMillis() + 3_600_000));

        HttpResponse<String> refused = notifyOrder();

        assertEquals(500, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("DWF0804"), refused.body());
        assertEquals(1, sample.count("DWF_WAITER WHERE STATE = 'WAITING'"), "the waiter still waits");
        assertEquals(1, sample.count("DWF_STEP"), "no outcome journaled: step 1's entry alone");
        assertEquals(1, sample.count("DWF_RUN WHERE STATUS = 'RUNNING' AND LEASE_OWNER = 'elsewhere'"),
                "the run untouched");

        Postgres.update(sample.schema(), "UPDATE DWF_RUN SET STATUS = 'WAITING', LEASE_OWNER = NULL, LEASE_EXPIRY = 0");
        assertEquals(200, notifyOrder().statusCode(), "once the run waits again, the same notify is delivered");
        await().atMost(Duration.ofMinutes(1)).until(() -> sample.count("DWF_RUN WHERE STATUS = 'COMPLETED'") == 1);
        assertEquals(4, sample.count("DWF_STEP"));
    }

    private HttpResponse<String> notifyOrder() throws Exception {
        return sample.server.post("/workflow/v2/notify/order-1", "{\"status\":\"shipped\"}", "text/plain");
    }
}
