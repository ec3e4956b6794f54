package org.durableworkflow.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.durableworkflow.it.stop.SlowSteps;
import org.durableworkflow.it.stop.SlowWorkflow;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application undeployed while a run executes a long chain of steps: the run goes no further than the step it is
 * in, so it stops within the grace and its lease is released, not kept; deployed again, it goes on from its journal
 * and completes with each step journaled once.
 */
@ExtendWith(ArquillianExtension.class)
class GracefulStopIT {

    private static final Jsonb JSON = JsonbBuilder.create();
    private String deployed;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "first", managed = false, testable = false)
    static WebArchive first() {
        return slowSteps("stop-first");
    }

    @Deployment(name = "second", managed = false, testable = false)
    static WebArchive second() {
        return slowSteps("stop-second");
    }

    /** A grace shorter than the steps left, so that only a run that stops at its step is released. */
    private static WebArchive slowSteps(String name) {
        return Deployments.withLibrary(name, Deployments.baseConfig() + "durable-workflow.shutdown.grace=5s\n",
                SlowSteps.class, SlowWorkflow.class);
    }

    @Test
    void aRunStopsAtItsStepAndGoesOnWhereverItIsDeployedNext() throws Exception {
        deploy("first");
        HttpResponse<String> started = send("POST", "workflow/workflows/slow-steps/runs", "");
        assertEquals(202, started.statusCode(), started.body());
        String runId = (String) JSON.fromJson(started.body(), Map.class).get("workflowRunId");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> steps(runId).size() >= 2);

        long before = stopLines().size();
        deployer.undeploy("first");
        List<String> stops = stopLines();
        assertEquals(before + 1, stops.size(), "one stop logged: " + stops);
        String stop = stops.get(stops.size() - 1);
        // the server's database may hold runnable runs other tests left: at least this one is released
        Matcher released = Pattern.compile("released the leases of (\\d+) runnable runs; 0 still executing")
                .matcher(stop);
        assertTrue(released.find() && Integer.parseInt(released.group(1)) >= 1, stop);

        deploy("second");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> "COMPLETED".equals(run(runId).get("status")));
        assertEquals(String.valueOf(IntStream.rangeClosed(1, SlowWorkflow.STEPS).sum()), run(runId).get("output"));
        List<Map<?, ?>> steps = steps(runId);
        assertEquals(SlowWorkflow.STEPS, steps.size());
        assertEquals(IntStream.rangeClosed(1, SlowWorkflow.STEPS).boxed().toList(),
                steps.stream().map(s -> ((Number) s.get("sequence")).intValue()).toList());
        deployer.undeploy("second");
    }

    private void deploy(String name) {
        deployer.deploy(name);
        deployed = name;
    }

    /** The log lines of the stops' ends, {@code DWF0731}, so far. */
    private static List<String> stopLines() throws Exception {
        try (var lines = Files.lines(Deployments.serverLog())) {
            return lines.filter(line -> line.contains("DWF0731")).toList();
        }
    }

    private Map<?, ?> run(String runId) throws Exception {
        return JSON.fromJson(send("GET", "workflow/runs/" + runId, null).body(), Map.class);
    }

    private List<Map<?, ?>> steps(String runId) throws Exception {
        return ((List<?>) run(runId).get("steps")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return Deployments.call("stop-" + deployed, method, path, body);
    }
}
