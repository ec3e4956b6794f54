package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancel that reads the run's waiters while its wait is still uncommitted finds none; it then waits for the run's
 * row, which the wait holds, and moves the run from WAITING once the wait committed. Its waiter must be cancelled
 * too: a waiter left WAITING on a CANCELLED run would make every notify for its event fail (DWF0605) and the
 * recovery sweep trip over it. The test makes that interleaving certain: it holds a lock that keeps the wait's
 * waiter insert from going on, sends the cancel while it does, and lets the wait commit once the cancel queues
 * behind it for the run's row.
 */
class PostgresCancelWaitRaceIT {

    private final SampleOnOwnSchema sample = new SampleOnOwnSchema();

    @AfterEach
    void stop() throws Exception {
        sample.stop();
    }

    @Test
    void aCancelThatCameWhileTheWaitCommittedCancelsItsWaiter() throws Exception {
        // the run executed by the executor after the start committed, so that the cancel finds it RUNNING; no
        // recovery sweep after the one at start, whose lease renewal would wait for the run's row too
        sample.start(Map.of("DURABLE_WORKFLOW_EXECUTOR_IN_CALLER", "false",
                "DURABLE_WORKFLOW_RECOVERY_INTERVAL", "1h", "DURABLE_WORKFLOW_LEASE", "2h"));
        String cancelAnswer;
        try (Connection lock = Postgres.connect(sample.schema()); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE DWF_WAITER IN SHARE MODE"); // reads go on, inserts wait

            HttpResponse<String> started = sample.server.post("/orders",
                    "{\"orderId\":\"1\",\"userEmail\":\"u@example.com\"}", "application/json");
            assertEquals(202, started.statusCode(), started.body());
            String runId = Postgres.rows(sample.schema(), "SELECT RUN_ID FROM DWF_RUN").get(0)[0];
            // the wait has moved the run to WAITING, uncommitted, and its waiter insert waits for the lock
            awaitSessionsWaitingForLocks(1);

            CompletableFuture<HttpResponse<String>> cancel = CompletableFuture.supplyAsync(() -> post(
                    "/workflow/runs/" + runId + "/cancel"));
            awaitSessionsWaitingForLocks(2); // the cancel, having found no waiter, waits for the run's row
            lock.commit();

            HttpResponse<String> cancelled = cancel.get();
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            cancelAnswer = cancelled.body();
        }
        assertTrue(cancelAnswer.contains("\"cancelled\":true"), cancelAnswer);
        assertEquals(1, sample.count("DWF_RUN WHERE STATUS = 'CANCELLED'"));
        assertEquals(1, sample.count("DWF_WAITER WHERE STATE = 'CANCELLED'"), "the wait's waiter, committed after the"
                + " cancel looked, cancelled with its run");
        assertEquals(0, sample.count("DWF_WAITER WHERE STATE = 'WAITING'"));
        HttpResponse<String> notify = sample.server.post("/workflow/v2/notify/order-1", "{\"status\":\"shipped\"}",
                "text/plain");
        assertEquals(200, notify.statusCode(), "a notify for the cancelled run's event finds no waiter: "
                + notify.body());
        assertEquals("[]", notify.body());
    }

    private void awaitSessionsWaitingForLocks(int sessions) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> sample.count(
                "pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'durable-workflow-sample'")
                == sessions);
    }

    private HttpResponse<String> post(String path) {
        try {
            return sample.server.post(path, "", "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
