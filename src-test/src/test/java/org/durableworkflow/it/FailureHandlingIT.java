package org.durableworkflow.it;

import org.durableworkflow.it.failure.FailingOrder;
import org.durableworkflow.it.failure.FailureSteps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failure handler runs once, durably, as the failed run's tail; a saga compensates in the workflow itself. */
class FailureHandlingIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-failure-it", FailureSteps.class, FailingOrder.class);
    }

    @Test
    void aFailedRunRunsItsHandlerOnceAsItsTail() throws Exception {
        String eventId = "rejected-" + UUID.randomUUID();
        String runId = start("failing-order", eventId, null);
        awaitStatus(runId, "WAITING");
        assertEquals(200, send("POST", "workflow/v2/notify/" + eventId, "rejected", Deployments.TOKEN).statusCode());

        awaitStatus(runId, "FAILED");
        Map<?, ?> run = run(runId);
        assertTrue(((String) run.get("error")).contains("card rejected"), (String) run.get("error"));
        assertEquals(List.of("1 STEP reserve COMPLETED", "2 WAIT wait NOTIFIED", "3 STEP charge FAILED",
                "1000000 FAILURE failure handler COMPLETED", "1000001 STEP release COMPLETED"), steps(run));
        assertEquals("\"released:" + eventId + " after charge at 3\"", step(run, 1000001).get("result"));
        assertFalse(log().contains("DWF0610: step 'charge' of run " + runId), "a non-retryable failure was retried");
    }

    @Test
    void anUnfailedRunRunsNoHandler() throws Exception {
        String eventId = "fine-" + UUID.randomUUID();
        String runId = start("failing-order", eventId, null);
        awaitStatus(runId, "WAITING");
        send("POST", "workflow/v2/notify/" + eventId, "ok", Deployments.TOKEN);
        assertEquals("\"charged:ok\"", outputOnceCompleted(runId));
        assertEquals(3, ((List<?>) run(runId).get("steps")).size());
    }

    @Test
    void aSagaCompensatesAFailedStepInTheWorkflow() throws Exception {
        String runId = start("saga", "saga-" + UUID.randomUUID(), null);
        assertEquals("\"compensated\"", outputOnceCompleted(runId));
        assertEquals(List.of("1 STEP reserve COMPLETED", "2 STEP charge FAILED", "3 STEP release COMPLETED"),
                steps(run(runId)));
    }

    @Test
    void ofManyResumesOfOneFailedRunAtOnceExactlyOneResumesIt() throws Exception {
        String eventId = "once-" + UUID.randomUUID();
        String runId = start("fails-once", eventId, null);
        awaitStatus(runId, "FAILED");
        List<Integer> answers = inParallel(java.util.stream.IntStream.range(0, 8).mapToObj(i ->
                (java.util.concurrent.Callable<Integer>) () -> send("POST", "workflow/runs/" + runId + "/resume", "",
                        Deployments.TOKEN).statusCode()).toList());
        assertEquals(1, answers.stream().filter(status -> status == 202).count(), answers.toString());
        assertEquals(7, answers.stream().filter(status -> status == 409).count(), answers.toString());
        awaitStatus(runId, "WAITING");
        send("POST", "workflow/v2/notify/" + eventId, "done", Deployments.TOKEN);
        assertEquals("\"done\"", outputOnceCompleted(runId));
        assertEquals(List.of("1 STEP fails once COMPLETED", "2 WAIT wait NOTIFIED"), steps(run(runId)));
    }

    @Test
    void aResumeRerunsTheStepThatFailedTheRunNotAnEarlierFailureTheWorkflowCaught() throws Exception {
        String eventId = "caught-" + UUID.randomUUID();
        String runId = start("caught-then-fails-once", eventId, null);
        awaitStatus(runId, "FAILED");
        Object releasedAt = step(run(runId), 2).get("createdAt");
        assertEquals(202, send("POST", "workflow/runs/" + runId + "/resume", "", Deployments.TOKEN).statusCode());
        awaitStatus(runId, "WAITING");
        assertEquals(null, run(runId).get("error"), "a resumed run shows no error");
        send("POST", "workflow/v2/notify/" + eventId, "done", Deployments.TOKEN);
        assertEquals("\"done\"", outputOnceCompleted(runId));
        Map<?, ?> run = run(runId);
        assertEquals(List.of("1 STEP charge FAILED", "2 STEP release COMPLETED", "3 STEP fails once COMPLETED",
                "4 WAIT wait NOTIFIED"), steps(run));
        assertEquals(releasedAt, step(run, 2).get("createdAt"), "the compensation ran once, before the resume");
    }

    private static List<String> steps(Map<?, ?> run) {
        return ((List<?>) run.get("steps")).stream().map(s -> (Map<?, ?>) s)
                .map(s -> ((Number) s.get("sequence")).intValue() + " " + s.get("type") + " " + s.get("name") + " "
                        + s.get("outcome")).toList();
    }

    private static Map<?, ?> step(Map<?, ?> run, int sequence) {
        return ((List<?>) run.get("steps")).stream().map(s -> (Map<?, ?>) s)
                .filter(s -> ((Number) s.get("sequence")).intValue() == sequence).findFirst().orElseThrow();
    }

    private static String log() throws Exception {
        return Files.readString(Deployments.serverLog());
    }
}
