package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /workflow/runs/{id}/result}: answered when the run ends, or with its status when the wait ran out. */
class AwaitResultIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-await-it");
    }

    @Test
    void aRunStillWaitingAnswers202WithItsStatusAfterTheWait() throws Exception {
        String runId = startWaiting();

        long began = System.nanoTime();
        HttpResponse<String> r = result(runId, "1s", Deployments.TOKEN);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertEquals(202, r.statusCode(), r.body());
        assertEquals("WAITING", body(r).get("status"));
        assertEquals(null, body(r).get("output"));
        assertTrue(tookMillis >= 900 && tookMillis < 5_000, "answered after " + tookMillis + " ms");
        HttpResponse<String> now = result(runId, "0", Deployments.TOKEN);
        assertEquals(202, now.statusCode(), now.body());
    }

    @Test
    void aCallerAwaitingWhileANotifyCompletesTheRunGetsItsOutputRightAfter() throws Exception {
        String eventId = "await-" + UUID.randomUUID();
        String runId = start("wait-for-text", eventId, null);
        awaitStatus(runId, "WAITING");

        CompletableFuture<HttpResponse<String>> answer = resultLater(runId, "30s");
        Thread.sleep(500); // the caller waits
        assertFalse(answer.isDone(), "answered before the run ended");
        assertEquals(200, send("POST", "workflow/v2/notify/" + eventId, "hello", Deployments.TOKEN).statusCode());
        long notified = System.nanoTime();
        HttpResponse<String> r = answer.get();
        long afterMillis = (System.nanoTime() - notified) / 1_000_000;

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of("workflowRunId", runId, "status", "COMPLETED", "output", "hello"),
                withoutNulls(body(r)));
        assertTrue(r.body().contains("\"output\":\"hello\""), "the output as its JSON value: " + r.body());
        assertTrue(afterMillis < 2_000, "answered " + afterMillis + " ms after the notify");
        assertEquals(200, result(runId, "5s", Deployments.TOKEN).statusCode(), "an ended run answers at once");
    }

    @Test
    void failedAndCancelledRunsAnswerTheirStatusAndError() throws Exception {
        String failed = start("fails-after-a-step", "fail-" + UUID.randomUUID(), null);
        HttpResponse<String> f = result(failed, "30s", Deployments.TOKEN);
        assertEquals(200, f.statusCode(), f.body());
        assertEquals("FAILED", body(f).get("status"));
        assertTrue(((String) body(f).get("error")).contains("no stock for"), f.body());

        String waiting = startWaiting();
        CompletableFuture<HttpResponse<String>> answer = resultLater(waiting, "30s");
        Thread.sleep(300);
        send("POST", "workflow/runs/" + waiting + "/cancel", "", Deployments.TOKEN);
        HttpResponse<String> c = answer.get();
        assertEquals(200, c.statusCode(), c.body());
        assertEquals("CANCELLED", body(c).get("status"));
        assertEquals("cancelled", body(c).get("error"));
    }

    @Test
    void aBadWaitIsRefusedWithACodeAndAnUnknownRunIs404() throws Exception {
        String runId = startWaiting();
        for (String wait : new String[]{"soon", "6m", "-1", "301", "1x"}) {
            HttpResponse<String> r = result(runId, wait, Deployments.TOKEN);
            assertEquals(400, r.statusCode(), wait + ": " + r.body());
            assertTrue(r.body().contains("DWF0816"), r.body());
        }
        HttpResponse<String> unknown = result("wfr_" + UUID.randomUUID(), "1s", Deployments.TOKEN);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("DWF0806"), unknown.body());
    }

    @Test
    void aTokenIsRequired() throws Exception {
        String runId = startWaiting();
        for (String token : new String[]{null, "wrong-token"}) {
            HttpResponse<String> r = result(runId, "1s", token);
            assertEquals(401, r.statusCode(), r.body());
            assertTrue(r.body().contains("DWF080"), r.body());
        }
    }

    @Test
    void sleepUntilResumesAtTheInstantAndAtOnceForOneInThePast() throws Exception {
        long until = System.currentTimeMillis() + 2_000;
        String runId = startSleepingUntil(until);
        HttpResponse<String> r = result(runId, "30s", Deployments.TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("awake", body(r).get("output"));
        assertTrue(System.currentTimeMillis() >= until, "resumed before the instant");

        long began = System.currentTimeMillis();
        String past = startSleepingUntil(began - 3_600_000);
        HttpResponse<String> p = result(past, "30s", Deployments.TOKEN);
        assertEquals(200, p.statusCode(), p.body());
        assertEquals("awake", body(p).get("output"));
        assertTrue(System.currentTimeMillis() - began < 5_000, "an instant in the past resumes at once");
    }

    private String startWaiting() throws Exception {
        String runId = start("wait-for-text", "await-" + UUID.randomUUID(), null);
        awaitStatus(runId, "WAITING");
        return runId;
    }

    private String startSleepingUntil(long epochMillis) throws Exception {
        HttpResponse<String> r = send("POST", "workflow/workflows/sleep-until/runs", Long.toString(epochMillis),
                Deployments.TOKEN);
        assertEquals(202, r.statusCode(), r.body());
        String runId = (String) JSON.fromJson(r.body(), Map.class).get("workflowRunId");
        started.add(runId);
        return runId;
    }

    private HttpResponse<String> result(String runId, String wait, String token) throws Exception {
        return send("GET", "workflow/runs/" + runId + "/result?wait=" + wait, null, token);
    }

    private CompletableFuture<HttpResponse<String>> resultLater(String runId, String wait) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return result(runId, wait, Deployments.TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<?, ?> body(HttpResponse<String> r) {
        return JSON.fromJson(r.body(), Map.class);
    }

    private static Map<Object, Object> withoutNulls(Map<?, ?> map) {
        Map<Object, Object> kept = new java.util.HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return kept;
    }
}
