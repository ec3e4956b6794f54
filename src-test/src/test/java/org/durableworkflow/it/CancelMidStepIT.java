package org.durableworkflow.it;

import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.it.app.Gate;
import org.durableworkflow.it.app.StepCalls;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancel that commits while a step runs stops the run there: the step's journal row and transaction roll back
 * (a transactional step's effects with them), and no further step begins. A step that cancels its own run commits.
 */
@ExtendWith(ArquillianExtension.class)
class CancelMidStepIT {

    @Deployment
    static WebArchive deployment() {
        // the executor's path, so that the start returns while the step is held
        return Deployments.withSettings("workflow-cancel-mid-step-it", "durable-workflow.executor.in-caller=false")
                .addClasses(CancelMidStepIT.class, Deployments.class, Runs.class);
    }

    @Inject
    WorkflowClient client;
    @Inject
    Executions executions;

    @AfterEach
    void openGate() {
        Gate.open();
    }

    @Test
    void aStepThatIsNotTransactionalFinishesAndNothingFollowsIt() {
        String runId = cancelWhileHeld("held-then-email");

        assertEquals(0, StepCalls.count(runId, "email"), "no step begins after the cancel");
        assertJournalEmpty(runId);
    }

    @Test
    void aTransactionalStepIsRolledBackAndNothingFollowsIt() {
        String runId = cancelWhileHeld("reserve-held-then-email");

        assertEquals(1, StepCalls.count(runId, "reserve at gate"));
        assertEquals(0, StepCalls.count(runId, "reserve at gate committed"), "its transaction rolled back");
        assertEquals(0, StepCalls.count(runId, "email"), "no step begins after the cancel");
        assertJournalEmpty(runId);
    }

    @Test
    void aRunNotCancelledGoesOnPastTheSameSteps() {
        Gate.open();
        String runId = client.start("reserve-held-then-email", null);
        new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);

        assertEquals(1, StepCalls.count(runId, "reserve at gate committed"));
        assertEquals(1, StepCalls.count(runId, "email"));
    }

    @Test
    void aStepThatCancelsItsOwnRunCommitsAndNothingFollowsIt() {
        String runId = client.start("cancels-itself", null);
        new Runs(client).awaitStatus(runId, RunStatus.CANCELLED);
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> !executions.isExecuting(runId));

        assertEquals(RunStatus.CANCELLED, new Runs(client).status(runId), "the cancel stands");
        assertEquals(1, StepCalls.count(runId, "cancel itself committed"), "the step's transaction committed");
        assertEquals(0, StepCalls.count(runId, "email"), "no step begins after the cancel");
    }

    /** Starts {@code workflow}, cancels it while its first step is held at the gate, then lets the step finish. */
    private String cancelWhileHeld(String workflow) {
        Gate.close();
        String runId = client.start(workflow, null);
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> Gate.held() == 1);
        assertTrue(client.cancel(runId));
        Gate.open();
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> !executions.isExecuting(runId));
        assertEquals(RunStatus.CANCELLED, new Runs(client).status(runId));
        return runId;
    }

    private void assertJournalEmpty(String runId) {
        assertEquals(List.<StepInfo>of(), new Runs(client).journal(runId),
                "the step under way when the cancel committed is not journaled");
    }
}
