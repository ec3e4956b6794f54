package org.durableworkflow.it;

import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.it.app.Gate;
import org.durableworkflow.it.app.WaitInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code durable-workflow.executor.backlog}: when that many executions already wait for the executor (8 at a time
 * on the test server), a notify executes the run it resumed on its caller's thread, so that it does not wait behind
 * them all; otherwise it queues the run as always.
 */
@ExtendWith(ArquillianExtension.class)
class BusyExecutorIT {

    private static final int EXECUTOR_SIZE = 8;
    private static final int BACKLOG = 2;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withSettings("workflow-busy-it", "durable-workflow.executor.backlog=" + BACKLOG)
                .addClasses(BusyExecutorIT.class, Deployments.class, Runs.class);
    }

    @Inject
    WorkflowClient client;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void releaseAndCancel() {
        Gate.open();
        started.forEach(client::cancel);
    }

    @Test
    void aNotifyExecutesTheRunItResumedWhenTheExecutorHasABacklog() {
        Runs runs = new Runs(client);
        String quietEvent = "quiet-" + UUID.randomUUID();
        String busyEvent = "busy-" + UUID.randomUUID();
        String quiet = start("wait-for-text", WaitInput.waitFor(quietEvent, "5m"));
        String busy = start("wait-for-text", WaitInput.waitFor(busyEvent, "5m"));
        runs.awaitStatus(quiet, RunStatus.WAITING);
        runs.awaitStatus(busy, RunStatus.WAITING);

        // no backlog: the notify queues the run and returns before it is executed
        Gate.close();
        holdExecutions(EXECUTOR_SIZE);
        assertEquals(1, client.notify(quietEvent, "v").size());
        assertEquals(RunStatus.RUNNING, runs.status(quiet));

        // a backlog of BACKLOG executions: the notify executes the run before it returns
        for (int i = 0; i < BACKLOG; i++) {
            started.add(client.start("held-at-gate", null));
        }
        assertEquals(1, client.notify(busyEvent, "w").size());
        assertEquals(RunStatus.COMPLETED, runs.status(busy));
        assertEquals("\"w\"", client.getRun(busy).orElseThrow().output());

        Gate.open();
        runs.awaitStatus(quiet, RunStatus.COMPLETED);
        started.forEach(runId -> runs.awaitStatus(runId, RunStatus.COMPLETED));
    }

    /** Starts {@code n} runs that hold an execution each at the gate, and waits until all are held. */
    private void holdExecutions(int n) {
        for (int i = 0; i < n; i++) {
            started.add(client.start("held-at-gate", null));
        }
        await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> Gate.held() == n);
    }

    private String start(String workflow, WaitInput input) {
        String runId = client.start(workflow, input);
        started.add(runId);
        return runId;
    }
}
