package org.durableworkflow.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests that call a deployment's REST root from outside share: sending calls, reading runs, and cancelling
 * the runs a test started, so that none of them is left waiting for a later test.
 */
@ExtendWith(ArquillianExtension.class)
abstract class RemoteApiTest {

    static final Jsonb JSON = JsonbBuilder.create();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Runs started by the current test; cancelled after it. */
    final List<String> started = new ArrayList<>();

    @ArquillianResource
    URL base;

    @AfterEach
    void cancelLeftovers() throws Exception {
        for (String runId : started) {
            send("POST", "workflow/runs/" + runId + "/cancel", "", Deployments.TOKEN);
        }
    }

    Map<?, ?> run(String runId) throws Exception {
        return JSON.fromJson(send("GET", "workflow/runs/" + runId, null, Deployments.TOKEN).body(), Map.class);
    }

    /** Starts {@code workflow} with the input {@code {"eventId": eventId}}; {@code runId} {@code null}: a new id. */
    String start(String workflow, String eventId, String runId) throws Exception {
        return start(workflow, Map.of("eventId", eventId), runId);
    }

    /** Starts {@code workflow} with {@code input} as JSON; {@code runId} {@code null}: a new id. Returns the run id. */
    String start(String workflow, Map<String, ?> input, String runId) throws Exception {
        HttpResponse<String> response = send("POST", "workflow/workflows/" + workflow + "/runs"
                + (runId == null ? "" : "?workflowRunId=" + runId), JSON.toJson(input), Deployments.TOKEN);
        assertEquals(202, response.statusCode(), response.body());
        String id = (String) JSON.fromJson(response.body(), Map.class).get("workflowRunId");
        started.add(id);
        return id;
    }

    /** The run's output once it completed, as the JSON text the workflow method's result was stored as. */
    String outputOnceCompleted(String runId) throws Exception {
        awaitStatus(runId, "COMPLETED");
        return (String) run(runId).get("output");
    }

    /** The notifies kept now for a later wait. */
    List<?> keptEvents() throws Exception {
        return JSON.fromJson(send("GET", "workflow/events?size=500", null, Deployments.TOKEN).body(), List.class);
    }

    void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> status.equals(run(runId).get("status")));
    }

    /** Sends {@code body} ({@code null}: none) with {@code token} ({@code null}: no Authorization header). */
    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return sendAs(method, path, body, token == null ? null : "Bearer " + token);
    }

    /** Sends {@code body} ({@code null}: none) with {@code authorization} as that header ({@code null}: none). */
    HttpResponse<String> sendAs(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Makes the calls from 8 threads at once and returns their answers in the calls' order. */
    static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
