package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code durable-workflow.events.retention}: a notify nobody waits for is kept for the window and taken by the first
 * wait for its id; after the window it is gone. Notifies and waits racing each other lose no event.
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

    @Test
    void notifiesAndWaitsRacingLoseNoEvent() throws Exception {
        int runs = 40;
        String prefix = "race-" + UUID.randomUUID() + "-";
        List<Callable<Object>> calls = new ArrayList<>();
        List<String> runIds = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < runs; i++) {
            String eventId = prefix + i;
            calls.add(() -> runIds.add(start("wait-for-text", eventId, null)));
            calls.add(() -> send("POST", "workflow/v2/notify/" + eventId, "v", Deployments.TOKEN).statusCode());
        }
        Collections.shuffle(calls);
        // every notify is taken: delivered at once (200) or kept for the wait (202), never refused
        List<Object> answers = inParallel(calls);
        assertEquals(List.of(), answers.stream().filter(a -> a instanceof Integer code && code != 200 && code != 202)
                .toList());

        assertEquals(runs, runIds.size());
        for (String runId : runIds) {
            assertEquals("\"v\"", outputOnceCompleted(runId), runId);
        }
    }
}
