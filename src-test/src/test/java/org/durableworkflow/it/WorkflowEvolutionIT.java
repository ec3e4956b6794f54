package org.durableworkflow.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.durableworkflow.it.evolve.EvolveSteps;
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
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real redeploys of one application while its runs wait: a step added under {@code patched} (old runs keep the old
 * path, new runs take the new one), a careless change (old runs fail with DWF0101, and resume once fixed code is
 * deployed), the workflow removed (its runs wait, runnable, and complete when it is deployed again), and forks.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowEvolutionIT {

    private static final Jsonb JSON = JsonbBuilder.create();
    /** The version deployed now; Arquillian takes no two archives of one name, so each has its own context root. */
    private String deployed;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "v1", managed = false, testable = false)
    static WebArchive v1() {
        return Deployments.withLibrary("evolve-v1", EvolveSteps.class,
                org.durableworkflow.it.evolve.v1.EvolvingWorkflow.class);
    }

    @Deployment(name = "v2", managed = false, testable = false)
    static WebArchive v2() {
        return Deployments.withLibrary("evolve-v2", EvolveSteps.class,
                org.durableworkflow.it.evolve.v2.EvolvingWorkflow.class);
    }

    @Deployment(name = "v3", managed = false, testable = false)
    static WebArchive v3() {
        return Deployments.withLibrary("evolve-v3", EvolveSteps.class,
                org.durableworkflow.it.evolve.v3.EvolvingWorkflow.class);
    }

    @Deployment(name = "without", managed = false, testable = false)
    static WebArchive without() {
        return Deployments.withLibrary("evolve-without", org.durableworkflow.it.evolve.v5.Placeholder.class);
    }

    @Test
    void runsWaitingAcrossRedeploysFollowTheirPathOrAreRepaired() throws Exception {
        deploy("v1");
        String id = UUID.randomUUID().toString();
        String old = start("old-" + id);
        String careless = start("careless-" + id);
        String removed = start("removed-" + id);
        for (String run : List.of(old, careless, removed)) {
            awaitStatus(run, "WAITING");
        }

        redeploy("v1", "v2");
        String fresh = start("fresh-" + id);
        awaitStatus(fresh, "WAITING");
        notify("old-" + id, "a");
        notify("fresh-" + id, "b");
        assertEquals("\"v2-plain:first:a\"", outputOnceCompleted(old));
        assertEquals("\"v2-checked:first:b\"", outputOnceCompleted(fresh));
        assertEquals(List.of("STEP first", "WAIT wait"), steps(old));
        assertEquals(List.of("STEP first", "PATCH add-check", "STEP check", "WAIT wait"), steps(fresh));

        redeploy("v2", "v3");
        notify("careless-" + id, "c");
        awaitStatus(careless, "FAILED");
        String error = (String) run(careless).get("error");
        assertTrue(error.contains("DWF0101") && error.contains("'check'"), error);

        redeploy("v3", "without");
        notify("removed-" + id, "d");
        Thread.sleep(3000); // the run must stay as it is: runnable, not failed, not busy
        assertEquals("RUNNING", run(removed).get("status"));
        assertTrue(log().contains("DWF0611: workflow evolving is not deployed; run " + removed), "DWF0611 logged");

        redeploy("without", "v2");
        assertEquals("\"v2-plain:first:d\"", outputOnceCompleted(removed));
        assertEquals(409, send("POST", "workflow/runs/" + old + "/resume", "").statusCode(), "not FAILED");
        assertEquals(202, send("POST", "workflow/runs/" + careless + "/resume", "").statusCode());
        assertEquals("\"v2-plain:first:c\"", outputOnceCompleted(careless));

        HttpResponse<String> fork = send("POST", "workflow/runs/" + fresh + "/fork", "{\"fromSequence\":4}");
        assertEquals(202, fork.statusCode(), fork.body());
        String forked = (String) JSON.fromJson(fork.body(), Map.class).get("workflowRunId");
        awaitStatus(forked, "WAITING");
        assertEquals(List.of("STEP first", "PATCH add-check", "STEP check"), steps(forked));
        notify("fresh-" + id, "e");
        assertEquals("\"v2-checked:first:e\"", outputOnceCompleted(forked));
        assertEquals(400, send("POST", "workflow/runs/" + fresh + "/fork", "{\"fromSequence\":6}").statusCode());
        assertEquals(400, send("POST", "workflow/runs/" + fresh + "/fork", "{}").statusCode());
        assertEquals(404, send("POST", "workflow/runs/wfr_none/resume", "").statusCode());
        deployer.undeploy("v2");
    }

    private void redeploy(String from, String to) {
        deployer.undeploy(from);
        deploy(to);
    }

    private void deploy(String version) {
        deployer.deploy(version);
        deployed = version;
    }

    private String start(String eventId) throws Exception {
        HttpResponse<String> r = send("POST", "workflow/workflows/evolving/runs", "{\"eventId\":\"" + eventId + "\"}");
        assertEquals(202, r.statusCode(), r.body());
        return (String) JSON.fromJson(r.body(), Map.class).get("workflowRunId");
    }

    private void notify(String eventId, String data) throws Exception {
        HttpResponse<String> r = send("POST", "workflow/v2/notify/" + eventId, data);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().equals("[]"), "nobody waited for " + eventId);
    }

    private Map<?, ?> run(String runId) throws Exception {
        return JSON.fromJson(send("GET", "workflow/runs/" + runId, null).body(), Map.class);
    }

    private List<String> steps(String runId) throws Exception {
        return ((List<?>) run(runId).get("steps")).stream().map(s -> (Map<?, ?>) s)
                .map(s -> s.get("type") + " " + s.get("name")).toList();
    }

    private String outputOnceCompleted(String runId) throws Exception {
        awaitStatus(runId, "COMPLETED");
        return (String) run(runId).get("output");
    }

    private void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status.equals(run(runId).get("status")));
    }

    private static String log() throws Exception {
        return Files.readString(Deployments.serverLog());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return Deployments.call("evolve-" + deployed, method, path, body);
    }
}
