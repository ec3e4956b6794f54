package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST endpoints from outside: the Upstash wire shapes, authentication, and bad input that changes nothing. */
class RestApiIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-rest-it");
    }

    @Test
    void notifyAnswersTheUpstashShapeWithDeadlinesInSeconds() throws Exception {
        String eventId = "wire-" + UUID.randomUUID();
        String runId = startWaiting(eventId);

        HttpResponse<String> waiters = send("GET", "workflow/v2/waiters/" + eventId, null, Deployments.TOKEN);
        assertEquals(200, waiters.statusCode());
        Map<?, ?> waiter = (Map<?, ?>) JSON.fromJson(waiters.body(), List.class).get(0);
        long deadline = ((Number) waiter.get("deadline")).longValue();
        assertTrue(deadline > System.currentTimeMillis() / 1000 && deadline < 10_000_000_000L, "seconds: " + deadline);
        assertEquals(List.of(runId), ((Map<?, ?>) waiter.get("headers")).get("Upstash-Workflow-Runid"));

        HttpResponse<String> notify = send("POST", "workflow/v2/notify/" + eventId, "{\"value\":\"ok\"}",
                Deployments.TOKEN);

        assertEquals(200, notify.statusCode(), notify.body());
        Map<?, ?> response = (Map<?, ?>) JSON.fromJson(notify.body(), List.class).get(0);
        assertEquals("", response.get("error"));
        assertTrue(((String) response.get("messageId")).startsWith("msg_"));
        assertEquals(runId, response.get("workflowRunId"));
        assertTrue(response.get("waiter") instanceof Map);
        awaitStatus(runId, "COMPLETED");
        assertEquals("[]", send("POST", "workflow/v2/notify/" + eventId, "again", Deployments.TOKEN).body());
    }

    @Test
    void missingOrWrongTokensAreRefusedWithoutEchoingThem() throws Exception {
        String eventId = "auth-" + UUID.randomUUID();
        String runId = startWaiting(eventId);

        HttpResponse<String> none = send("POST", "workflow/v2/notify/" + eventId, "x", null);
        HttpResponse<String> wrong = send("POST", "workflow/v2/notify/" + eventId, "x", "guessed-secret");
        HttpResponse<String> waiters = send("GET", "workflow/v2/waiters/" + eventId, null, "guessed-secret");

        for (HttpResponse<String> r : List.of(none, wrong, waiters)) {
            assertEquals(401, r.statusCode());
            assertTrue(errorOf(r).startsWith("DWF08"), r.body());
            assertFalse(r.body().contains("guessed-secret") || r.body().contains(Deployments.TOKEN));
        }
        assertStillWaiting(runId, eventId);
    }

    @Test
    void oversizedBodiesLongIdsAndUnreadableDataChangeNothing() throws Exception {
        String eventId = "bad-" + UUID.randomUUID();
        String runId = startWaiting(eventId);

        HttpResponse<String> huge = send("POST", "workflow/v2/notify/" + eventId, "x".repeat(1_048_577),
                Deployments.TOKEN);
        HttpResponse<String> longId = send("POST", "workflow/v2/notify/" + "e".repeat(300), "x", Deployments.TOKEN);
        HttpResponse<String> wrongType = send("POST", "workflow/v2/notify/" + eventId, "[1, 2, 3]",
                Deployments.TOKEN);

        assertEquals(413, huge.statusCode(), huge.body());
        assertEquals(400, longId.statusCode(), longId.body());
        assertTrue(errorOf(longId).contains("300"), longId.body());
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertTrue(errorOf(wrongType).contains("Payload"), wrongType.body());
        assertStillWaiting(runId, eventId);
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeAnyParserReadsIt() throws Exception {
        String eventId = "deep-" + UUID.randomUUID();
        String runId = startWaiting(eventId);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        HttpResponse<String> notify = send("POST", "workflow/v2/notify/" + eventId, deep, Deployments.TOKEN);
        HttpResponse<String> trigger = send("POST", "workflow/workflows/wait-then-finish/runs",
                "{\"eventId\":" + deep + "}", Deployments.TOKEN);

        for (HttpResponse<String> r : List.of(notify, trigger)) {
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(errorOf(r).startsWith("DWF0217"), r.body());
        }
        assertStillWaiting(runId, eventId);
    }

    @Test
    void unknownThingsAnswerJsonErrors() throws Exception {
        HttpResponse<String> noRun = send("GET", "workflow/runs/wfr_unknown", null, Deployments.TOKEN);
        HttpResponse<String> noPath = send("GET", "workflow/nothing/here", null, Deployments.TOKEN);
        HttpResponse<String> noWorkflow = send("POST", "workflow/workflows/nope/runs", "{}", Deployments.TOKEN);
        HttpResponse<String> badInput = send("POST", "workflow/workflows/wait-then-finish/runs", "{not json",
                Deployments.TOKEN);
        HttpResponse<String> nobody = send("POST", "workflow/v2/notify/nobody-" + UUID.randomUUID(), "",
                Deployments.TOKEN);

        assertEquals(404, noRun.statusCode());
        assertEquals(404, noPath.statusCode());
        assertEquals(404, noWorkflow.statusCode());
        assertEquals(400, badInput.statusCode(), badInput.body());
        for (HttpResponse<String> r : List.of(noRun, noPath, noWorkflow, badInput)) {
            assertFalse(errorOf(r).isBlank(), r.body());
        }
        assertEquals(200, nobody.statusCode());
        assertEquals("[]", nobody.body());
    }

    @Test
    void startingTwiceWithOneRunIdStartsOneRun() throws Exception {
        String runId = "order-run-" + UUID.randomUUID();
        String input = "{\"eventId\":\"dedupe-" + UUID.randomUUID() + "\",\"timeout\":\"5m\"}";
        started.add(runId);

        HttpResponse<String> first = send("POST", "workflow/workflows/wait-then-finish/runs?workflowRunId=" + runId,
                input, Deployments.TOKEN);
        HttpResponse<String> second = send("POST", "workflow/workflows/wait-then-finish/runs?workflowRunId=" + runId,
                input, Deployments.TOKEN);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(first.body(), second.body());
        awaitStatus(runId, "WAITING");
    }

    @Test
    void startsWithOneRunIdAtTheSameMomentAllAnswerThatRun() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String runId = "order-race-" + UUID.randomUUID();
                String input = "{\"eventId\":\"race-" + UUID.randomUUID() + "\",\"timeout\":\"5m\"}";
                started.add(runId);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(callers.submit(() -> {
                        go.await();
                        return send("POST", "workflow/workflows/wait-then-finish/runs?workflowRunId=" + runId,
                                input, Deployments.TOKEN);
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get();
                    assertEquals(202, r.statusCode(), "a start that lost the race for the id: " + r.body());
                    assertTrue(r.body().contains(runId), r.body());
                }
                awaitStatus(runId, "WAITING");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void runsAndWaitersAreListedByStatusAndWorkflowAPageAtATime() throws Exception {
        String prefix = "list-" + UUID.randomUUID();
        List<String> mine = List.of(startWaiting(prefix + "-a"), startWaiting(prefix + "-b"),
                startWaiting(prefix + "-c"));

        List<Object> listed = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send("GET", "workflow/runs?status=WAITING&workflow=wait-then-finish"
                    + "&size=2&page=" + page, null, Deployments.TOKEN);
            assertEquals(200, response.statusCode(), response.body());
            List<?> runs = JSON.fromJson(response.body(), List.class);
            assertTrue(runs.size() <= 2, response.body());
            for (Object run : runs) {
                assertEquals("WAITING", ((Map<?, ?>) run).get("status"));
                assertEquals("wait-then-finish", ((Map<?, ?>) run).get("workflowName"));
                listed.add(((Map<?, ?>) run).get("workflowRunId"));
            }
            if (runs.size() < 2) {
                break;
            }
        }
        assertTrue(listed.containsAll(mine), listed.toString());
        assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), "no run on two pages");

        HttpResponse<String> waiters = send("GET", "workflow/waiters?size=500", null, Deployments.TOKEN);
        assertEquals(200, waiters.statusCode(), waiters.body());
        assertTrue(JSON.fromJson(waiters.body(), List.class).stream()
                .filter(w -> String.valueOf(((Map<?, ?>) w).get("eventId")).startsWith(prefix)).count() == 3);

        for (String query : List.of("runs?status=BOGUS", "runs?size=0", "runs?size=501", "runs?page=-1",
                "runs?page=x", "waiters?size=x")) {
            HttpResponse<String> refused = send("GET", "workflow/" + query, null, Deployments.TOKEN);
            assertEquals(400, refused.statusCode(), query + ": " + refused.body());
            assertTrue(errorOf(refused).startsWith("DWF080"), refused.body());
        }
        assertEquals(401, send("GET", "workflow/runs", null, "wrong").statusCode());
    }

    private String startWaiting(String eventId) throws Exception {
        String runId = start("wait-then-finish", Map.of("eventId", eventId, "timeout", "5m"), null);
        awaitStatus(runId, "WAITING");
        return runId;
    }

    private void assertStillWaiting(String runId, String eventId) throws Exception {
        assertEquals("WAITING", run(runId).get("status"));
        assertEquals(1, JSON.fromJson(send("GET", "workflow/v2/waiters/" + eventId, null, Deployments.TOKEN).body(),
                List.class).size());
        assertEquals(1, ((List<?>) run(runId).get("steps")).size(), "only the first step is journaled");
    }

    private static String errorOf(HttpResponse<String> response) {
        Object error = JSON.fromJson(response.body(), Map.class).get("error");
        return error == null ? "" : error.toString();
    }
}
