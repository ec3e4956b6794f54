package org.durableworkflow.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.it.app.Payload;
import org.durableworkflow.it.app.WaitInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code durable-workflow.runs.retention}: the recovery sweep deletes a run that ended that long ago, completed or
 * cancelled, with its journal and waiters; a run that has not ended is kept however old.
 */
@ExtendWith(ArquillianExtension.class)
class RunRetentionIT {

    private static final long RETENTION_MILLIS = 8_000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withSettings("workflow-run-retention-it", "durable-workflow.runs.retention=8s",
                        "durable-workflow.recovery-interval=1s")
                .addClasses(RunRetentionIT.class, Deployments.class, Runs.class);
    }

    @Inject
    WorkflowClient client;
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void endedRunsAreDeletedWithTheirJournalAndWaitersAfterTheRetentionOthersAreKept() throws Exception {
        Runs runs = new Runs(client);
        String completedEvent = "retention-" + UUID.randomUUID();
        String completed = client.start("wait-then-finish", WaitInput.waitFor(completedEvent, "5m"));
        String cancelled = client.start("wait-then-finish", WaitInput.waitFor("retention-" + UUID.randomUUID(), "5m"));
        String waiting = client.start("wait-then-finish", WaitInput.waitFor("retention-" + UUID.randomUUID(), "5m"));
        runs.awaitStatus(completed, RunStatus.WAITING);
        runs.awaitStatus(cancelled, RunStatus.WAITING);
        runs.awaitStatus(waiting, RunStatus.WAITING);
        assertEquals(1, client.notify(completedEvent, new Payload("v")).size());
        assertTrue(client.cancel(cancelled));
        RunInfo cancelledRun = client.getRun(cancelled).orElseThrow();
        RunInfo completedRun = runs.awaitStatus(completed, RunStatus.COMPLETED);
        assertTrue(rows("DWF_STEP", completed) > 0 && rows("DWF_WAITER", completed) == 1);

        for (RunInfo ended : new RunInfo[]{completedRun, cancelledRun}) {
            String runId = ended.workflowRunId();
            await().atMost(Runs.PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(100))
                    .until(() -> client.getRun(runId).isEmpty());
            assertTrue(System.currentTimeMillis() - ended.updatedAt() >= RETENTION_MILLIS, "not before its retention");
            assertEquals(0, rows("DWF_STEP", runId), "its journal is deleted with it");
            assertEquals(0, rows("DWF_WAITER", runId), "its waiters are deleted with it");
        }
        assertEquals(RunStatus.WAITING, runs.status(waiting), "a run that has not ended is kept");
        assertEquals(1, rows("DWF_WAITER", waiting));
        client.cancel(waiting);
    }

    private long rows(String table, String runId) throws Exception {
        try (Connection db = dataSource.getConnection();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE RUN_ID = ?")) {
            count.setString(1, runId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
