package org.durableworkflow.it;

import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.it.app.StepCalls;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @DurableStep(retries = 2)}: a step that throws is run again, up to twice, before its failure is journaled;
 * only its last outcome is journaled.
 */
@ExtendWith(ArquillianExtension.class)
class StepRetriesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-step-retries-it", StepRetriesIT.class, Deployments.class,
                Runs.class);
    }

    @Inject
    WorkflowClient client;
    @Inject
    Executions executions;

    @Test
    void aStepThatFailsLessOftenThanItsRetriesSucceeds() {
        String runId = client.start("flaky-step", 2);
        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);

        assertEquals("3", run.output(), "the third call answered");
        assertEquals(3, StepCalls.count(runId, "flaky"));
        List<StepInfo> journal = run.steps();
        assertEquals(1, journal.size(), journal.toString());
        assertEquals("COMPLETED", journal.get(0).outcome());
    }

    @Test
    void aTransactionalStepThatFailsInASharedTransactionIsRetriedInItsOwn() {
        // the start carries its transaction through both steps: the first failure rolls all of it back, the start
        // commits alone, and the run executes again, each step in its own transaction, where the retries happen
        String runId = client.start("reserve-then-flaky-charge", 3);
        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.COMPLETED);

        assertEquals(4, StepCalls.count(runId, "flaky charge"), "the shared call, the call and two retries");
        assertEquals(1, StepCalls.count(runId, "flaky charge committed"));
        assertEquals(1, StepCalls.count(runId, "reserve committed"));
        assertEquals(List.of("COMPLETED", "COMPLETED"), run.steps().stream().map(StepInfo::outcome).toList());
    }

    @Test
    void aRunCancelledWhileItsStepPausesBeforeARetryGoesNoFurther() {
        String runId = client.start("slow-flaky-step", 10);
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> StepCalls.count(runId, "slow flaky") >= 1); // failed, pausing 5 s before its retry
        assertTrue(client.cancel(runId));
        int callsAtCancel = StepCalls.count(runId, "slow flaky");
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> !executions.isExecuting(runId));

        assertEquals(callsAtCancel, StepCalls.count(runId, "slow flaky"), "no retry after the cancel");
        RunInfo run = client.getRun(runId).orElseThrow();
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(List.of(), run.steps());
    }

    @Test
    void aStepThatFailsEveryRetryIsJournaledAsFailedOnce() {
        String runId = client.start("flaky-step", 5);
        RunInfo run = new Runs(client).awaitStatus(runId, RunStatus.FAILED);

        assertEquals(3, StepCalls.count(runId, "flaky"), "the call and two retries");
        assertEquals(1, run.steps().size(), run.steps().toString());
        assertEquals("FAILED", run.steps().get(0).outcome());
        assertTrue(run.steps().get(0).error().contains("call 3 failed"), run.steps().get(0).error());
    }
}
