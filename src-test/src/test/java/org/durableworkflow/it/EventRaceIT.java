package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Notifies and waits for the same ids racing each other lose no event: a notify that finds no waiter is kept, a wait
 * that finds no kept event registers, and whichever commits last pairs the two, or the recovery sweep does. The
 * window is a minute here, not the seconds of {@link EventRetentionIT}: under this many calls on two cores a start
 * can take seconds.
 */
class EventRaceIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSettings("workflow-event-race-it", "durable-workflow.events.retention=60s",
                "durable-workflow.recovery-interval=1s");
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
