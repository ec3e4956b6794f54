package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code durable-workflow.events.retention}: a notify nobody waits for is kept for the window and taken by the first
 * wait for its id; after the window it is gone. Notifies and waits racing each other: {@link EventRaceIT}.
 */
class EventRetentionIT extends RemoteApiTest {

    private static final long RETENTION_MILLIS = 4_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSettings("workflow-retention-it", "durable-workflow.events.retention=4s",
                "durable-workflow.recovery-interval=1s");
    }

    @Test
    void aNotifyBeforeTheWaitIsTakenByTheFirstWaitOnly() throws Exception {
        String eventId = "retained-" + UUID.randomUUID();

        HttpResponse<String> early = send("POST", "workflow/v2/notify/" + eventId, "early", Deployments.TOKEN);
        assertEquals(202, early.statusCode(), early.body());
        assertEquals("[]", early.body());
        String first = start("wait-for-text", eventId, null);
        assertEquals("\"early\"", outputOnceCompleted(first));

        String second = start("wait-for-text", eventId, null);
        awaitStatus(second, "WAITING");
        assertEquals(0, keptEvents().stream().filter(e -> e.toString().contains(eventId)).count());
    }

    @Test
    void aNotifyTheFirstWaitCannotReadStaysKeptForAWaitThatCan() throws Exception {
        String eventId = "retained-text-" + UUID.randomUUID();
        assertEquals(202, send("POST", "workflow/v2/notify/" + eventId, "plain text", Deployments.TOKEN).statusCode());

        String wantsPayload = start("wait-then-finish", eventId, null); // waits for a Payload object, not text
        awaitStatus(wantsPayload, "WAITING");
        String wantsText = start("wait-for-text", eventId, null);

        assertEquals("\"plain text\"", outputOnceCompleted(wantsText), "the event must not be lost to the first");
        assertEquals("WAITING", run(wantsPayload).get("status"));
        assertEquals(0, keptEvents().stream().filter(e -> e.toString().contains(eventId)).count());
    }

    @Test
    void aNotifyOlderThanTheWindowIsNotDelivered() throws Exception {
        String eventId = "expired-" + UUID.randomUUID();
        assertEquals(202, send("POST", "workflow/v2/notify/" + eventId, "stale", Deployments.TOKEN).statusCode());

        Thread.sleep(RETENTION_MILLIS + 500);
        String runId = start("wait-for-text", eventId, null);

        awaitStatus(runId, "WAITING");
        Thread.sleep(2_000); // two sweeps: neither delivers it
        assertEquals("WAITING", run(runId).get("status"));
        assertEquals(0, keptEvents().stream().filter(e -> e.toString().contains(eventId)).count());
    }
}
