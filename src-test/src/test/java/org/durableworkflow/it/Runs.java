package org.durableworkflow.it;

import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.WorkflowClient;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Waits on runs through the public client, never with fixed sleeps. Polls on the test's own thread: the library
 * needs the application's context, which Awaitility's pool threads do not have.
 */
final class Runs {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WorkflowClient client;

    Runs(WorkflowClient client) {
        this.client = client;
    }

    RunStatus status(String runId) {
        return client.getRun(runId).map(RunInfo::status).orElse(null);
    }

    List<StepInfo> journal(String runId) {
        return client.getRun(runId).map(RunInfo::steps).orElse(List.of());
    }

    RunInfo awaitStatus(String runId, RunStatus status) {
        await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> status(runId) == status || (status(runId) != null && status(runId).isFinal()));
        RunInfo run = client.getRun(runId).orElseThrow();
        if (run.status() != status) {
            throw new AssertionError("run " + runId + " is " + run.status() + ", expected " + status
                    + (run.error() == null ? "" : ": " + run.error()));
        }
        return run;
    }
}
