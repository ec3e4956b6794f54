package org.durableworkflow.it;

import jakarta.inject.Inject;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.it.app.StepCalls;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code @DurableStep(transactional = true)}: consecutive transactional steps share one transaction, and when one of
 * them throws, the run executes again from its last commit with each step in a transaction of its own. A start or a
 * notify executes the run's transactional steps on its caller's thread, in its own transaction
 * ({@code executor.in-caller}, on by default).
 */
@ExtendWith(ArquillianExtension.class)
class TransactionalStepsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibrary("transactional-steps-it", TransactionalStepsIT.class, Deployments.class,
                Runs.class);
    }

    @Inject
    WorkflowClient client;

    @Test
    void consecutiveTransactionalStepsShareOneTransactionAndCommitOnce() {
        String runId = client.start("transactional-steps", "accepted");

        String caller = Thread.currentThread().getName();
        assertEquals(1, StepCalls.count(runId, "reserve on " + caller), "the start executed the first steps");
        assertEquals(1, StepCalls.count(runId, "charge committed"), "and committed them before it returned");
        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);
        assertEquals(0, StepCalls.count(runId, "email on " + caller), "a step that is not transactional is left"
                + " to the executor");

        String[] transactions = json(run.output()).split(" ");
        assertEquals(transactions[0], transactions[1], "reserve and charge ran in one transaction");
        assertNotEquals(transactions[1], transactions[2], "the email, not transactional, in a transaction of its own");
        for (String step : List.of("reserve", "charge", "email")) {
            assertEquals(1, StepCalls.count(runId, step), step + " ran once");
            assertEquals(1, StepCalls.count(runId, step + " committed"), step + "'s effect committed once");
        }
        assertEquals(List.of("reserve COMPLETED", "charge COMPLETED", "email COMPLETED"), outcomes(run));
    }

    @Test
    void aStepThrowingInASharedTransactionRollsItBackAndTheRunGoesAgainStepByStep() {
        String runId = client.start("transactional-steps", "declined");

        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);

        String[] outcome = json(run.output()).split(" ");
        assertEquals("declined", outcome[1], "the workflow caught the step's own exception");
        assertNotEquals(outcome[0], outcome[2]);
        assertEquals(2, StepCalls.count(runId, "reserve"), "once in the shared transaction, once alone");
        assertEquals(1, StepCalls.count(runId, "reserve on " + Thread.currentThread().getName()),
                "the first time in the start's transaction, which rolled back with it: the start was done again");
        assertEquals(1, StepCalls.count(runId, "reserve committed"), "its effect rolled back the first time");
        assertEquals(2, StepCalls.count(runId, "charge"));
        assertEquals(0, StepCalls.count(runId, "charge committed"));
        assertEquals(1, StepCalls.count(runId, "email"));
        assertEquals(1, StepCalls.count(runId, "email committed"));
        assertEquals(List.of("reserve COMPLETED", "charge FAILED", "email COMPLETED"), outcomes(run),
                "the failure journaled as for any step");
        assertEquals("java.lang.IllegalStateException: card declined", run.steps().get(1).error());
    }

    @Test
    void aNotifyExecutesTheResumedRunsTransactionalStepsAndCommitsThemWithItself() {
        String eventId = "card-" + UUID.randomUUID();
        String runId = startWaitingForTheCard(eventId);

        List<NotifyResponse> resumed = client.notify(eventId, "accepted");

        assertEquals(1, resumed.size());
        assertEquals(runId, resumed.get(0).workflowRunId());
        assertEquals(RunStatus.COMPLETED, client.getRun(runId).orElseThrow().status(),
                "the run completed in the notify's own transaction");
        assertEquals(1, StepCalls.count(runId, "charge on " + Thread.currentThread().getName()));
        assertEquals(1, StepCalls.count(runId, "charge committed"));
    }

    @Test
    void aStepThrowingInTheNotifysTransactionRollsItBackAndTheNotifyIsDoneAgain() {
        String eventId = "card-" + UUID.randomUUID();
        String runId = startWaitingForTheCard(eventId);

        List<NotifyResponse> resumed = client.notify(eventId, "declined");

        assertEquals(1, resumed.size(), "delivered once");
        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);
        assertEquals("declined", json(run.output()).split(" ")[1]);
        assertEquals(1, StepCalls.count(runId, "reserve committed"));
        assertEquals(0, StepCalls.count(runId, "charge committed"));
        assertEquals(List.of("wait NOTIFIED", "reserve COMPLETED", "charge FAILED"), outcomes(run));
    }

    /** Starts a run of {@code wait-then-charge} and waits until it waits for {@code eventId}. */
    private String startWaitingForTheCard(String eventId) {
        String runId = client.start("wait-then-charge", eventId);
        new Runs(client).awaitStatus(runId, RunStatus.WAITING);
        return runId;
    }

    private static List<String> outcomes(RunInfo run) {
        return run.steps().stream().map(s -> s.name() + " " + s.outcome()).toList();
    }

    /** The output is a JSON string. */
    private static String json(String output) {
        return output.substring(1, output.length() - 1);
    }
}
