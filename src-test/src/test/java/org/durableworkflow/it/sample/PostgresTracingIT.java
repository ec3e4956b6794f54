package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A trace across two servers of a cluster: a notify commits on server A, which dies before it resumes the run (a
 * crash point); server B's recovery executes the run, and B's execution span links to the notify's trace, which
 * the run's row carried from A to B.
 */
class PostgresTracingIT {

    private static final SampleServer A = SampleServer.pgServerA();
    private static final SampleServer B = SampleServer.pgServerB();
    private static OtlpReceiver collector;
    private static String schema;

    @BeforeAll
    static void startSurvivor() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        collector = OtlpReceiver.start();
        A.deploy();
        B.deploy();
        B.start(environment("b", null));
    }

    @AfterAll
    static void stopServers() throws Exception {
        SampleServer.stopAll(A, B);
        collector.close();
        Postgres.dropSchema(schema);
    }

    @Test
    void theExecutionOnAnotherServerLinksToTheNotifyThatMadeTheRunRunnable() throws Exception {
        String orderId = "traced-" + UUID.randomUUID();
        B.post("/orders", "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"u@example.com\"}", "application/json");
        String runId = awaitRun(orderId, "WAITING");
        A.start(environment("a", "notify-committed:order-" + orderId));

        String traceId = TracedNotify.newTraceId();
        try {
            TracedNotify.send(A, "order-" + orderId, traceId);
        } catch (IOException haltedBeforeAnswering) {
            // the notify committed, then server A halted
        }
        A.awaitDeath(Duration.ofMinutes(1));
        awaitRun(orderId, "COMPLETED");

        await().atMost(Duration.ofSeconds(30)).until(() -> !linkedExecutions(runId, traceId).isEmpty());
        List<OtlpReceiver.Received> linked = linkedExecutions(runId, traceId);
        assertEquals(List.of("b"), linked.stream().map(OtlpReceiver.Received::service).distinct().toList(),
                "the execution that follows the notify runs on the server that survived");
    }

    private static List<OtlpReceiver.Received> linkedExecutions(String runId, String traceId) {
        return collector.spans().stream().filter(s -> s.span().getName().startsWith("execute "))
                .filter(s -> runId.equals(s.attribute("workflow.run.id")))
                .filter(s -> s.linkedTraceIds().contains(traceId)).toList();
    }

    private static Map<String, String> environment(String service, String crashAt) {
        Map<String, String> env = new HashMap<>(collector.environment(service));
        env.putAll(Postgres.quickFailover(schema, crashAt));
        return env;
    }

    /** Waits until the order's run has {@code status}; returns its id. */
    private static String awaitRun(String orderId, String status) {
        String query = "SELECT RUN_ID FROM DWF_RUN WHERE STATUS = '" + status + "' AND INPUT_JSON LIKE '%\"orderId\":\""
                + orderId + "\"%'";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Postgres.rows(schema, query).size() == 1);
        try {
            return Postgres.rows(schema, query).get(0)[0];
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
