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
 * on the test server), a notify executes the oldest execution waiting on its caller's thread, first in, first out,
 * so that nothing waits behind an executor whose threads are all taken; otherwise it queues the run as always.
 */
@ExtendWith(ArquillianExtension.class)
class BusyExecutorIT {

    private static final int EXECUTOR_SIZE = 8;
    private static final int BACKLOG = 2;

    @Deployment
    static WebArchive deployment() {
        // the executor's path: no start or notify executes its run itself (TransactionalStepsIT tests that)
        return Deployments.withSettings("workflow-busy-it", "durable-workflow.executor.backlog=" + BACKLOG,
                        "durable-workflow.executor.in-caller=false")
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
    void aNotifyExecutesTheOldestWaitingExecutionWhenTheExecutorHasABacklog() {
        Runs runs = new Runs(client);
        String[] events = new String[3];
        String[] waiting = new String[3];
        for (int i = 0; i < 3; i++) {
            events[i] = "busy-" + i + "-" + UUID.randomUUID();
            waiting[i] = start("wait-for-text", WaitInput.waitFor(events[i], "5m"));
        }
        for (String runId : waiting) {
            runs.awaitStatus(runId, RunStatus.WAITING);
        }

        // every thread of the executor taken: below the backlog, a notify queues the run it resumed and returns
        Gate.close();
        holdExecutions(EXECUTOR_SIZE);
        for (int i = 0; i < BACKLOG; i++) {
            assertEquals(1, client.notify(events[i], "v" + i).size());
            assertEquals(RunStatus.RUNNING, runs.status(waiting[i]));
        }

        // BACKLOG executions waiting: the next notify executes the oldest, the first run, before it returns
        assertEquals(1, client.notify(events[2], "v2").size());
        assertEquals(RunStatus.COMPLETED, runs.status(waiting[0]));
        assertEquals("\"v0\"", client.getRun(waiting[0]).orElseThrow().output());
        assertEquals(RunStatus.RUNNING, runs.status(waiting[1]));
        assertEquals(RunStatus.RUNNING, runs.status(waiting[2]));

        Gate.open();
        for (String runId : started) {
            runs.awaitStatus(runId, RunStatus.COMPLETED);
        }
        assertEquals("\"v2\"", client.getRun(waiting[2]).orElseThrow().output());
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
