package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookback notifies ({@code POST /v2/notify/{workflowRunId}/{eventId}}): an event sent to a run before it waits for
 * it is kept and taken by that run's wait; one sent while it waits resumes that run only. Without a retention
 * window, a notify nobody waits for is not kept, as with Upstash.
 */
class LookbackNotifyIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSettings("workflow-lookback-it", "durable-workflow.recovery-interval=1s");
    }

    @Test
    void anEventSentBeforeTheWaitIsKeptAndTakenWhenTheRunGetsThere() throws Exception {
        String eventId = "lookback-" + UUID.randomUUID();
        String runId = start("wait-for-a-then-b", eventId, null);
        awaitStatus(runId, "WAITING");

        HttpResponse<String> early = send("POST", "workflow/v2/notify/" + runId + "/" + eventId + "/b", "B",
                Deployments.TOKEN);
        assertEquals(202, early.statusCode(), early.body());
        assertEquals("[]", early.body());
        assertEquals(List.of(Map.of("eventId", eventId + "/b", "workflowRunId", runId)), keptOf(eventId));
        assertEquals("WAITING", run(runId).get("status"), "the run waits for /a and is not resumed by /b");

        HttpResponse<String> a = send("POST", "workflow/v2/notify/" + eventId + "/a", "A", Deployments.TOKEN);

        assertEquals(200, a.statusCode(), a.body());
        assertEquals("\"A+B\"", outputOnceCompleted(runId), "the second wait took the kept event at once");
        assertEquals(List.of(), keptOf(eventId), "a kept event is taken once");
        List<?> steps = (List<?>) run(runId).get("steps");
        assertEquals("NOTIFIED", ((Map<?, ?>) steps.get(1)).get("outcome"), steps.toString());
    }

    @Test
    void anEventSentToAWaitingRunResumesThatRunOnly() throws Exception {
        String eventId = "lookback-two-" + UUID.randomUUID();
        String first = start("wait-for-text", eventId, null);
        String second = start("wait-for-text", eventId, null);
        awaitStatus(first, "WAITING");
        awaitStatus(second, "WAITING");

        HttpResponse<String> notify = send("POST", "workflow/v2/notify/" + second + "/" + eventId, "for the second",
                Deployments.TOKEN);

        assertEquals(200, notify.statusCode(), notify.body());
        List<?> responses = JSON.fromJson(notify.body(), List.class);
        assertEquals(1, responses.size(), notify.body());
        assertEquals(second, ((Map<?, ?>) responses.get(0)).get("workflowRunId"));
        assertEquals("\"for the second\"", outputOnceCompleted(second));
        assertEquals("WAITING", run(first).get("status"));
        assertEquals(List.of(), keptOf(eventId));
    }

    @Test
    void anEventSentToARunNotStartedYetIsTakenByItsFirstWait() throws Exception {
        String eventId = "lookback-early-" + UUID.randomUUID();
        String runId = "wfr_" + UUID.randomUUID();

        HttpResponse<String> early = send("POST", "workflow/v2/notify/" + runId + "/" + eventId, "{\"n\":1}",
                Deployments.TOKEN);
        assertEquals(202, early.statusCode(), early.body());

        assertEquals(runId, start("wait-for-text", eventId, runId));
        assertEquals("\"{\\\"n\\\":1}\"", outputOnceCompleted(runId));
        assertEquals(List.of(), keptOf(eventId));
    }

    @Test
    void anEventForAnEndedRunIsRefusedAndNotKept() throws Exception {
        String eventId = "lookback-ended-" + UUID.randomUUID();
        String runId = start("wait-for-text", eventId, null);
        awaitStatus(runId, "WAITING");
        assertEquals(200, send("POST", "workflow/runs/" + runId + "/cancel", "", Deployments.TOKEN).statusCode());

        HttpResponse<String> late = send("POST", "workflow/v2/notify/" + runId + "/" + eventId, "x",
                Deployments.TOKEN);

        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("DWF0220"), late.body());
        assertEquals(List.of(), keptOf(eventId));
    }

    @Test
    void eventsKeptForARunThatEndsAreDeleted() throws Exception {
        String eventId = "lookback-cancelled-" + UUID.randomUUID();
        String runId = start("wait-for-a-then-b", eventId, null);
        awaitStatus(runId, "WAITING");
        assertEquals(202, send("POST", "workflow/v2/notify/" + runId + "/" + eventId + "/b", "B",
                Deployments.TOKEN).statusCode());

        send("POST", "workflow/runs/" + runId + "/cancel", "", Deployments.TOKEN);

        await().atMost(Duration.ofSeconds(30)).until(() -> keptOf(eventId).isEmpty());
    }

    @Test
    void withoutRetentionANotifyNobodyWaitsForIsNotKept() throws Exception {
        String eventId = "not-kept-" + UUID.randomUUID();

        HttpResponse<String> notify = send("POST", "workflow/v2/notify/" + eventId, "lost", Deployments.TOKEN);
        String runId = start("wait-for-text", eventId, null);

        assertEquals(200, notify.statusCode());
        assertEquals("[]", notify.body());
        assertEquals(List.of(), keptOf(eventId));
        awaitStatus(runId, "WAITING");
    }

    /** The kept events whose id begins with {@code prefix}, as (eventId, workflowRunId). */
    private List<Map<String, Object>> keptOf(String prefix) throws Exception {
        return keptEvents().stream().map(e -> (Map<?, ?>) e)
                .filter(e -> ((String) e.get("eventId")).startsWith(prefix))
                .map(e -> Map.<String, Object>of("eventId", e.get("eventId"), "workflowRunId", e.get("workflowRunId")))
                .toList();
    }
}
