package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rest.auth=container}: the application's own security authenticates callers (here a login configuration
 * with Liberty's basic registry; MicroProfile JWT works the same way) and the library checks their roles: the admin
 * role may make every call, the notify role only notify and read waiters, any other caller none; no bearer token.
 */
class ContainerSecurityIT extends RemoteApiTest {

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>workflow</web-resource-name>
                  <url-pattern>/workflow/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>**</role-name></auth-constraint>
              </security-constraint>
              <login-config><auth-method>BASIC</auth-method></login-config>
              <security-role><role-name>durable-workflow-admin</role-name></security-role>
              <security-role><role-name>durable-workflow-notify</role-name></security-role>
            </web-app>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withDescriptor("workflow-container-security-it", WEB_XML,
                "durable-workflow.rest.auth=container");
    }

    @Test
    void rolesDecideWhoMayCallWhat() throws Exception {
        String eventId = "container-" + UUID.randomUUID();
        HttpResponse<String> started = call("admin", "POST", "workflow/workflows/wait-for-text/runs",
                JSON.toJson(Map.of("eventId", eventId)));
        assertEquals(202, started.statusCode(), started.body());
        String runId = (String) JSON.fromJson(started.body(), Map.class).get("workflowRunId");

        assertEquals(401, call(null, "GET", "workflow/runs", null).statusCode(), "no credentials");
        assertEquals(401, call("admin:wrong", "GET", "workflow/runs", null).statusCode(), "wrong password");
        assertRefusedByRole(call("notifier", "GET", "workflow/runs", null));
        assertRefusedByRole(call("notifier", "POST", "workflow/runs/" + runId + "/cancel", ""));
        assertRefusedByRole(call("stranger", "GET", "workflow/v2/waiters/" + eventId, null));
        assertRefusedByRole(call("stranger", "POST", "workflow/v2/notify/" + eventId, "x"));
        assertEquals(200, call("admin", "GET", "workflow/runs/" + runId, null).statusCode());

        awaitWaiting(runId);
        assertEquals(200, call("notifier", "GET", "workflow/v2/waiters/" + eventId, null).statusCode());
        HttpResponse<String> notify = call("notifier", "POST", "workflow/v2/notify/" + eventId, "by role");
        assertEquals(200, notify.statusCode(), notify.body());
        assertTrue(notify.body().contains(runId), notify.body());
        await(() -> "COMPLETED".equals(JSON.fromJson(call("admin", "GET", "workflow/runs/" + runId, null).body(),
                Map.class).get("status")));
    }

    /** The console's page needs the container's login and the admin role, like the API it calls. */
    @Test
    void theConsoleNeedsTheLoginAndTheAdminRole() throws Exception {
        assertEquals(401, call(null, "GET", "workflow/console/", null).statusCode(), "no credentials");
        assertRefusedByRole(call("notifier", "GET", "workflow/console/", null));
        assertRefusedByRole(call("stranger", "GET", "workflow/console/console.js", null));
        HttpResponse<String> page = call("admin", "GET", "workflow/console/", null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("console.js"), page.body());
    }

    private static void assertRefusedByRole(HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("DWF0811"), r.body());
    }

    private void awaitWaiting(String runId) {
        await(() -> "WAITING".equals(JSON.fromJson(call("admin", "GET", "workflow/runs/" + runId, null).body(),
                Map.class).get("status")));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(condition);
    }

    /** A call as {@code user} (password {@code <user>-password}, or {@code user:password}); {@code null}: anonymous. */
    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        String credentials = user == null || user.contains(":") ? user : user + ":" + user + "-password";
        return sendAs(method, path, body, credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
