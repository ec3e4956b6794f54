package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancel racing a notify or a timeout: no call fails, every run ends one way, and each answer tells the truth: a
 * notify that resumed the run said so, a cancel that cancelled it said so, and the loser changed nothing.
 */
class CancelRaceIT extends RemoteApiTest {

    private static final int RUNS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-cancel-race-it");
    }

    @Test
    void cancelRacingNotifyEndsEachRunOneWay() throws Exception {
        String prefix = "cancel-notify-" + UUID.randomUUID() + "-";
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runIds.add(start("wait-for-text", prefix + i, null));
        }
        runIds.forEach(id -> awaitStatus(id, "WAITING"));

        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String runId = runIds.get(i);
            String eventId = prefix + i;
            calls.add(() -> send("POST", "workflow/runs/" + runId + "/cancel", "", Deployments.TOKEN));
            calls.add(() -> send("POST", "workflow/v2/notify/" + eventId, "won", Deployments.TOKEN));
        }
        List<HttpResponse<String>> answers = inParallel(calls);

        int notifyWon = 0;
        for (int i = 0; i < RUNS; i++) {
            HttpResponse<String> cancel = answers.get(2 * i);
            HttpResponse<String> notify = answers.get(2 * i + 1);
            assertEquals(200, cancel.statusCode(), cancel.body());
            assertEquals(200, notify.statusCode(), notify.body());
            boolean cancelled = cancel.body().contains("\"cancelled\":true");
            boolean resumed = !notify.body().equals("[]");
            assertTrue(cancelled || resumed, "one of them wins: " + cancel.body() + " " + notify.body());
            String status = awaitFinal(runIds.get(i));
            if (!resumed) {
                assertEquals("CANCELLED", status);
                assertTrue(journal(runIds.get(i)).stream().noneMatch(s -> "NOTIFIED".equals(s.get("outcome"))),
                        "a notify that answered [] journaled nothing");
            } else {
                notifyWon++;
            }
            if (!cancelled) {
                assertEquals("COMPLETED", status);
            }
            assertNoWaiter(prefix + i);
        }
        System.out.println("cancel vs notify: notify resumed " + notifyWon + " of " + RUNS);
    }

    @Test
    void cancelRacingTheTimeoutEndsEachRunOneWay() throws Exception {
        String prefix = "cancel-timeout-" + UUID.randomUUID() + "-";
        List<String> runIds = new ArrayList<>();
        List<Long> deadlines = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runIds.add(start("wait-then-finish", Map.of("eventId", prefix + i, "timeout", "3s"), null));
            deadlines.add(System.currentTimeMillis() + 3_000);
        }

        int timeoutWon = 0;
        for (int i = 0; i < RUNS; i++) {
            Thread.sleep(Math.max(0, deadlines.get(i) - System.currentTimeMillis()));
            HttpResponse<String> cancel = send("POST", "workflow/runs/" + runIds.get(i) + "/cancel", "",
                    Deployments.TOKEN);
            assertEquals(200, cancel.statusCode(), cancel.body());
            String status = awaitFinal(runIds.get(i));
            boolean timedOut = journal(runIds.get(i)).stream().anyMatch(s -> "TIMED_OUT".equals(s.get("outcome")));
            if (cancel.body().contains("\"cancelled\":true")) {
                assertEquals("CANCELLED", status);
            } else {
                assertEquals("COMPLETED", status);
                assertTrue(timedOut, "a cancel that lost lost to the timeout");
            }
            if (timedOut) {
                timeoutWon++;
            }
            assertNoWaiter(prefix + i);
        }
        System.out.println("cancel vs timeout: the timeout settled " + timeoutWon + " of " + RUNS);
    }

    private String awaitFinal(String runId) throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> List.of("COMPLETED", "CANCELLED").contains(run(runId).get("status")));
        return (String) run(runId).get("status");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> journal(String runId) throws Exception {
        return (List<Map<String, Object>>) run(runId).get("steps");
    }

    private void assertNoWaiter(String eventId) throws Exception {
        assertEquals("[]", send("GET", "workflow/v2/waiters/" + eventId, null, Deployments.TOKEN).body());
    }
}
