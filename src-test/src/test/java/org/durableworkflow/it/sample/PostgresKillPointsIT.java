package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server killed at each dangerous point of a run, while a second server of the cluster lives on: the run
 * completes exactly once, and the sample's outbox rows, written in the same JTA transaction as their step's journal
 * row, exist exactly once. The kill is the JVM halting itself at a crash point of the library (no shutdown hooks,
 * no commit), so that it happens at that point every time and not by luck of timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresKillPointsIT {

    private static final SampleServer A = SampleServer.pgServerA();
    private static final SampleServer B = SampleServer.pgServerB();
    private static String schema;

    @BeforeAll
    static void startSurvivor() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        A.deploy();
        B.deploy();
        B.start(environment(null));
    }

    @AfterAll
    static void stopServers() throws Exception {
        SampleServer.stopAll(A, B);
        Postgres.dropSchema(schema);
    }

    @Test
    @Order(1)
    void killedAfterAStepsWorkBeforeItsJournalCommit() throws Exception {
        A.start(environment("step-done:request processing"));
        startOrder(A, "a");
        A.awaitDeath(Duration.ofMinutes(1));

        awaitRun("a", "WAITING");
        notifyOrder(B, "a");
        assertCompletedExactlyOnce("a");
    }

    @Test
    @Order(2)
    void killedAfterTheWaitersCommit() throws Exception {
        A.start(environment("waiter-committed:wait for order processing"));
        startOrder(A, "b");
        A.awaitDeath(Duration.ofMinutes(1));

        awaitRun("b", "WAITING");
        notifyOrder(B, "b");
        assertCompletedExactlyOnce("b");
    }

    @Test
    @Order(3)
    void killedAfterTheNotifysCommitBeforeTheResume() throws Exception {
        startOrder(B, "c");
        awaitRun("c", "WAITING");
        A.start(environment("notify-committed:order-c"));
        notifyOrder(A, "c");
        A.awaitDeath(Duration.ofMinutes(1));

        assertCompletedExactlyOnce("c");
    }

    @Test
    @Order(4)
    void killedInTheMiddleOfALaterStep() throws Exception {
        A.start(environment("step-done:send confirmation email"));
        startOrder(A, "d");
        awaitRun("d", "WAITING");
        notifyOrder(A, "d");
        A.awaitDeath(Duration.ofMinutes(1));

        assertCompletedExactlyOnce("d");
    }

    @Test
    @Order(5)
    void killedInAStepTheStartExecutesLeavesNoRun() throws Exception {
        A.start(executingInCaller(environment("step-done:request processing")));
        startOrder(A, "e", 0);
        A.awaitDeath(Duration.ofMinutes(1));

        assertEquals(0, count("SELECT COUNT(*) FROM DWF_RUN WHERE INPUT_JSON LIKE '%\"orderId\":\"e\"%'"),
                "the start, its step and its wait commit together or not at all; the caller got no answer");
        assertEquals(0, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE ORDER_ID = 'e'"));
        startOrder(B, "e");
        awaitRun("e", "WAITING");
        notifyOrder(B, "e");
        assertCompletedExactlyOnce("e");
    }

    @Test
    @Order(6)
    void killedInAStepTheNotifyExecutesLeavesTheRunWaiting() throws Exception {
        A.start(executingInCaller(environment("step-done:send confirmation email")));
        startOrder(A, "f");
        awaitRun("f", "WAITING");
        notifyOrder(A, "f");
        A.awaitDeath(Duration.ofMinutes(1));

        awaitRun("f", "WAITING");
        assertEquals(1, count("SELECT COUNT(*) FROM DWF_WAITER WHERE STATE = 'WAITING' AND EVENT_ID = 'order-f'"),
                "the notify and the steps after the wait commit together or not at all");
        assertEquals(0, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION' AND ORDER_ID = 'f'"));
        notifyOrder(B, "f");
        assertCompletedExactlyOnce("f");
    }

    /**
     * Points 1 to 4 are those of runs executed by the executor, after a start or a notify committed alone; points 5
     * and 6 those of a start or notify executing the run's transactional steps in its own transaction.
     */
    private static Map<String, String> environment(String crashAt) {
        return Postgres.quickFailover(schema, crashAt);
    }

    private static Map<String, String> executingInCaller(Map<String, String> env) {
        env.put("DURABLE_WORKFLOW_EXECUTOR_IN_CALLER", "true");
        return env;
    }

    private static void startOrder(SampleServer server, String order) throws Exception {
        startOrder(server, order, 1);
    }

    /**
     * Starts an order and waits until {@code stored} runs of it exist; the server may halt before its answer is
     * written, so a lost answer is not an error here.
     */
    private static void startOrder(SampleServer server, String order, int stored) throws Exception {
        try {
            server.post("/orders", "{\"orderId\":\"" + order + "\",\"userEmail\":\"u@example.com\"}",
                    "application/json");
        } catch (IOException haltedBeforeAnswering) {
            // the run's row committed before the step began; the database says what happened
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                count("SELECT COUNT(*) FROM DWF_RUN WHERE INPUT_JSON LIKE '%\"orderId\":\"" + order + "\"%'")
                        == stored);
    }

    private static void notifyOrder(SampleServer server, String order) throws Exception {
        try {
            server.post("/workflow/v2/notify/order-" + order, "{\"status\":\"shipped\"}", "text/plain");
        } catch (IOException haltedBeforeAnswering) {
            // the notify committed before the halt
        }
    }

    private static void awaitRun(String order, String status) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                count("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = '" + status
                        + "' AND INPUT_JSON LIKE '%\"orderId\":\"" + order + "\"%'") == 1);
    }

    private static void assertCompletedExactlyOnce(String order) throws Exception {
        awaitRun(order, "COMPLETED");
        String run = "(SELECT RUN_ID FROM DWF_RUN WHERE INPUT_JSON LIKE '%\"orderId\":\"" + order + "\"%')";
        assertEquals(4, count("SELECT COUNT(*) FROM DWF_STEP WHERE RUN_ID = " + run), "journal rows");
        assertEquals(1, count("SELECT COUNT(*) FROM DWF_STEP WHERE OUTCOME = 'NOTIFIED' AND RUN_ID = " + run));
        assertEquals(1, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'PROCESSING_REQUEST'"
                + " AND ORDER_ID = '" + order + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM SAMPLE_OUTBOX WHERE KIND = 'CONFIRMATION'"
                + " AND ORDER_ID = '" + order + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM DWF_RUN WHERE OUTPUT_JSON = '\"confirmed\"' AND RUN_ID = " + run));
    }

    private static long count(String sql) throws Exception {
        return Postgres.count(schema, sql);
    }
}
