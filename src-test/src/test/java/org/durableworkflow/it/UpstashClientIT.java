package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published {@code @upstash/workflow} client from npm, run by Node.js against the library's REST root: each kind
 * of event data reaches the waiting run as the client sent it, {@code getWaiters} parses, and refusals surface as the
 * client's own errors with their status.
 */
class UpstashClientIT extends RemoteApiTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-upstash-it");
    }

    @Test
    void eachKindOfEventDataReachesTheRunAsTheClientSentIt() throws Exception {
        String prefix = "upstash-" + UUID.randomUUID();
        String text = startWaitingForText(prefix + "-text");
        String object = startWaitingForText(prefix + "/object"); // the client sends ids raw, slash included
        String number = startWaitingForText(prefix + "-number");
        String absent = startWaitingForText(prefix + "-absent");
        String address = startWaitingForText(prefix + "-address"); // text that begins like JSON

        List<Map<?, ?>> outcomes = client("""
                [{"op":"getWaiters","eventId":"%1$s-text"},
                 {"op":"notify","eventId":"%1$s-text","eventData":"order shipped"},
                 {"op":"notify","eventId":"%1$s/object","eventData":{"status":"shipped","items":[1,2]}},
                 {"op":"notify","eventId":"%1$s-number","eventData":42},
                 {"op":"notify","eventId":"%1$s-absent"},
                 {"op":"notify","eventId":"%1$s-address","eventData":"123 Main St"},
                 {"op":"notify","eventId":"%1$s-text","eventData":"again"}]""".formatted(prefix));

        Map<?, ?> waiter = (Map<?, ?>) result(outcomes.get(0)).get(0);
        assertEquals(List.of(text), ((Map<?, ?>) waiter.get("headers")).get("Upstash-Workflow-Runid"));
        long deadline = ((Number) waiter.get("deadline")).longValue();
        assertTrue(deadline > System.currentTimeMillis() / 1000 && deadline < 10_000_000_000L, "seconds: " + deadline);

        List<String> runs = List.of(text, object, number, absent, address);
        for (int i = 0; i < runs.size(); i++) {
            List<?> answer = result(outcomes.get(i + 1));
            assertEquals(1, answer.size(), outcomes.get(i + 1).toString());
            assertEquals(runs.get(i), ((Map<?, ?>) answer.get(0)).get("workflowRunId"));
            assertEquals("", ((Map<?, ?>) answer.get(0)).get("error"));
        }
        assertEquals(List.of(), result(outcomes.get(6)), "a second notify finds nobody");

        assertEquals("order shipped", completedOutput(text));
        assertEquals("{\"status\":\"shipped\",\"items\":[1,2]}", completedOutput(object));
        assertEquals("42", completedOutput(number));
        assertEquals(null, completedOutput(absent), "no eventData: the wait returns null data, not a timeout");
        assertEquals("123 Main St", completedOutput(address), "not the number 123 that JSON-B reads first");
    }

    @Test
    void idsWithQuestionMarksSpacesAndNonAsciiReachTheirWaiterAsTheClientSendsThemRaw() throws Exception {
        String prefix = "upstash-raw-" + UUID.randomUUID();
        List<String> ids = new java.util.ArrayList<>(List.of(prefix + "?order=1&x=y", prefix + " with spaces",
                prefix + "-naïve-é-注文", prefix + ";v=2", prefix + "/trailing/"));
        // WildFly's web server refuses | [ ] unescaped in a path with its own 400, before any application sees it
        if (!Boolean.getBoolean("server.refuses.unescaped.url.characters")) {
            ids.add(prefix + "|pipe[1]");
        }
        List<String> runIds = new java.util.ArrayList<>();
        for (String id : ids) {
            runIds.add(startWaitingForText(id));
        }

        StringBuilder calls = new StringBuilder("[");
        for (String id : ids) {
            calls.append(calls.length() > 1 ? "," : "").append("{\"op\":\"getWaiters\",\"eventId\":")
                    .append(JSON.toJson(id)).append("},{\"op\":\"notify\",\"eventId\":").append(JSON.toJson(id))
                    .append(",\"eventData\":").append(JSON.toJson("for " + id)).append("}");
        }
        List<Map<?, ?>> outcomes = client(calls.append("]").toString());

        for (int i = 0; i < ids.size(); i++) {
            assertEquals(1, result(outcomes.get(2 * i)).size(), "waiters of " + ids.get(i) + ": " + outcomes);
            assertEquals(1, result(outcomes.get(2 * i + 1)).size(), "notify of " + ids.get(i) + ": " + outcomes);
            assertEquals("for " + ids.get(i), completedOutput(runIds.get(i)));
        }
    }

    @Test
    void aPercentSignThatBeginsNoEscapeIsRefusedByTheWebContainerWith400() throws Exception {
        String eventId = "upstash-percent-" + UUID.randomUUID() + "-50%off";
        String runId = startWaitingForText(eventId);

        List<Map<?, ?>> outcomes = client("[{\"op\":\"notify\",\"eventId\":" + JSON.toJson(eventId)
                + ",\"eventData\":\"x\"}]");

        assertEquals(false, outcomes.get(0).get("ok"), outcomes.toString());
        if (Boolean.getBoolean("server.answers.malformed.escape.without.body")) {
            // Payara's web container fails to decode the path and answers 200 with no body, before the library:
            // the client reports an error without a status
            assertNull(outcomes.get(0).get("status"), outcomes.toString());
        } else {
            assertEquals(400, ((Number) outcomes.get(0).get("status")).intValue(), "Liberty's, before the library");
        }
        assertEquals("WAITING", run(runId).get("status"));
    }

    @Test
    void lookbackNotifiesAreKeptForTheirRunOrResumeIt() throws Exception {
        String eventId = "upstash-lookback-" + UUID.randomUUID();
        String runId = start("wait-for-a-then-b", eventId, null);
        awaitStatus(runId, "WAITING");

        List<Map<?, ?>> outcomes = client("""
                [{"op":"notify","eventId":"%1$s/b","eventData":"B","workflowRunId":"%2$s"},
                 {"op":"notify","eventId":"%1$s/a","eventData":"A","workflowRunId":"%2$s"}]"""
                .formatted(eventId, runId));

        assertEquals(List.of(), result(outcomes.get(0)), "kept: the run does not wait for /b yet");
        List<?> resumed = result(outcomes.get(1));
        assertEquals(1, resumed.size(), outcomes.toString());
        assertEquals(runId, ((Map<?, ?>) resumed.get(0)).get("workflowRunId"));
        assertEquals("A+B", completedOutput(runId));
    }

    @Test
    void refusalsSurfaceAsTheClientsErrorsWithTheirStatus() throws Exception {
        String eventId = "upstash-refused-" + UUID.randomUUID();
        String runId = startWaitingForText(eventId);

        List<Map<?, ?>> wrongToken = client("[{\"op\":\"notify\",\"eventId\":\"" + eventId + "\",\"eventData\":\"x\"}]",
                "not-the-token");
        List<Map<?, ?>> refused = client("[{\"op\":\"notify\",\"eventId\":\"" + "x".repeat(300) + "\"},"
                + "{\"op\":\"getWaiters\",\"eventId\":\"" + "x".repeat(300) + "\"}]");

        assertRefused(wrongToken.get(0), 401);
        assertRefused(refused.get(0), 400);
        assertRefused(refused.get(1), 400);
        assertEquals("WAITING", run(runId).get("status"), "a refused notify changes nothing");
    }

    private static void assertRefused(Map<?, ?> outcome, int status) {
        assertFalse((Boolean) outcome.get("ok"), outcome.toString());
        assertTrue(String.valueOf(outcome.get("message")).contains("DWF")
                || String.valueOf(outcome.get("status")).startsWith(String.valueOf(status)), outcome.toString());
        if (outcome.get("status") != null) {
            assertEquals(status, ((Number) outcome.get("status")).intValue(), outcome.toString());
        }
    }

    private static List<?> result(Map<?, ?> outcome) {
        assertTrue((Boolean) outcome.get("ok"), outcome.toString());
        return (List<?>) outcome.get("result");
    }

    private List<Map<?, ?>> client(String calls) throws Exception {
        return client(calls, Deployments.TOKEN);
    }

    /** Runs the calls with the real client under Node.js and reads what each returned or threw. */
    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> client(String calls, String token) throws Exception {
        Path dir = Path.of(System.getProperty("upstash.client.dir"));
        Process node = new ProcessBuilder("node", dir.resolve("upstash-client.mjs").toString(),
                base.toString() + "workflow", token, asciiOnly(calls)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes()).trim();
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        return JSON.fromJson(output.substring(output.lastIndexOf("\n[") + 1), List.class);
    }

    /** JSON text with every non-ASCII character escaped, so that it crosses the command line whatever its locale. */
    private static String asciiOnly(String json) {
        StringBuilder out = new StringBuilder();
        json.chars().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    private String startWaitingForText(String eventId) throws Exception {
        String runId = start("wait-for-text", eventId, null);
        awaitStatus(runId, "WAITING");
        return runId;
    }

    /** The completed run's output, read from the JSON text the run resource answers it as. */
    private Object completedOutput(String runId) throws Exception {
        awaitStatus(runId, "COMPLETED");
        Object output = run(runId).get("output");
        return output == null ? null : JSON.fromJson((String) output, Object.class);
    }
}
