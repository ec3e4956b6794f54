package org.durableworkflow.it;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.durableworkflow.impl.rest.RestResources;
import org.durableworkflow.impl.security.ConsoleFile;
import org.durableworkflow.impl.security.NotifyCall;
import org.durableworkflow.it.foreign.HelloResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WAR with JAX-RS applications of its own beside the library's: every endpoint of the library, found by
 * reflection, called under every root where the container may route it, without credentials, with a wrong token,
 * and with a notify token on management calls (and, under the other applications' roots, with the full token too):
 * not one call succeeds (but the console's static files at the library's root, which need no token), and the runs, waiters and kept events are the same before and after.
 */
abstract class ForeignApplicationTest extends RemoteApiTest {

    static final String NOTIFY_TOKEN = "it-notify-token";
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

    /** A WAR of the test applications, the library, and the user's own {@code applications}. */
    static WebArchive war(String name, Class<?>... applications) {
        return Deployments.withSettings(name, "durable-workflow.rest.notify-token=" + NOTIFY_TOKEN,
                "durable-workflow.events.retention=1h").addClasses(applications).addClass(HelloResource.class);
    }

    /** The roots of the user's applications, relative to the context root, each ending with a slash ("" for /). */
    abstract List<String> foreignRoots();

    /** Where the user's own resource answers, to show the user's applications still work. */
    abstract List<String> userResourcePaths();

    /** Whether the user's applications route calls to the library's resources (they list no classes). */
    abstract boolean routesToTheLibrary();

    @Test
    void noCallWithoutTheLibrarysCredentialsSucceedsUnderAnyRoot() throws Exception {
        long since = System.currentTimeMillis() - 1;
        String eventId = "foreign-" + UUID.randomUUID();
        String runId = start("wait-for-text", eventId, null);
        awaitStatus(runId, "WAITING");
        assertEquals(202, send("POST", "workflow/v2/notify/kept-" + eventId, "kept", Deployments.TOKEN)
                .statusCode());
        List<Object> before = snapshot(since, runId);
        Map<String, String> values = Map.of("runId", runId, "eventId", eventId, "path", eventId,
                "name", "wait-for-text", "file", "console.js");

        List<String> succeeded = new ArrayList<>();
        int calls = 0;
        int refusedByTheGuardElsewhere = 0;
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path(values);
            for (String root : roots()) {
                if (endpoint.consoleFile() && root.equals("workflow/")) {
                    continue; // the console's files load without a token at the library's root (ConsoleBrowserIT)
                }
                for (String token : tokensToTry(root, endpoint)) {
                    HttpResponse<String> r = send(endpoint.method(), root + path,
                            endpoint.method().equals("POST") ? "{\"eventId\":\"" + eventId + "\"}" : null, token);
                    calls++;
                    if (!root.equals("workflow/") && r.body().contains("DWF0813")) {
                        refusedByTheGuardElsewhere++;
                    }
                    if (r.statusCode() < 400 || r.statusCode() >= 500) {
                        succeeded.add(endpoint.method() + " " + root + path + " with " + token + ": "
                                + r.statusCode() + " " + r.body());
                    }
                }
            }
        }

        assertEquals(List.of(), succeeded, "calls that were not refused");
        assertTrue(calls > 50, "calls made: " + calls);
        assertEquals(routesToTheLibrary(), refusedByTheGuardElsewhere > 0,
                "calls the library's resources refused under other roots: " + refusedByTheGuardElsewhere);
        assertEquals(before, snapshot(since, runId), "runs, waiters and kept events changed");
        assertEquals("WAITING", run(runId).get("status"));
        for (String path : userResourcePaths()) {
            assertEquals("hello", send("GET", path, null, null).body(), path);
        }
    }

    @Test
    void waiterUrlsIncludeTheContextRoot() throws Exception {
        String eventId = "url-" + UUID.randomUUID();
        String runId = start("wait-for-text", eventId, null);
        awaitStatus(runId, "WAITING");
        HttpResponse<String> waiters = send("GET", "workflow/v2/waiters/" + eventId, null, NOTIFY_TOKEN);
        assertEquals(200, waiters.statusCode(), waiters.body());
        Map<?, ?> waiter = (Map<?, ?>) JSON.fromJson(waiters.body(), List.class).get(0);
        String contextRoot = base.getPath().replaceAll("/$", "");
        assertTrue(contextRoot.length() > 1, contextRoot);
        assertEquals(contextRoot + "/workflow/runs/" + runId, waiter.get("url"));
    }

    private List<String> roots() {
        List<String> roots = new ArrayList<>(List.of("workflow/"));
        roots.addAll(foreignRoots());
        return roots;
    }

    /** No token, a wrong one, and a notify token on management calls; elsewhere than the library's root, all. */
    private static List<String> tokensToTry(String root, Endpoint endpoint) {
        List<String> tokens = new ArrayList<>(java.util.Arrays.asList(null, "wrong-token"));
        if (!endpoint.notifyCall() || !root.equals("workflow/")) {
            tokens.add(NOTIFY_TOKEN);
        }
        if (!root.equals("workflow/")) {
            tokens.add(Deployments.TOKEN);
        }
        return tokens;
    }

    /** Rows created since the test began, and the waiting run as the API shows it. */
    private List<Object> snapshot(long since, String runId) throws Exception {
        List<Object> state = new ArrayList<>();
        for (String listing : List.of("runs", "waiters", "events")) {
            HttpResponse<String> r = send("GET", "workflow/" + listing + "?size=500", null, Deployments.TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            state.add(JSON.fromJson(r.body(), List.class).stream()
                    .filter(row -> ((Number) ((Map<?, ?>) row).get("createdAt")).longValue() >= since).toList());
        }
        state.add(run(runId));
        return state;
    }

    /** Every resource method of the library, by reflection, so that an endpoint added later is tried too. */
    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : RestResources.RESOURCES) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path path = method.getAnnotation(Path.class);
                        endpoints.add(new Endpoint(http.value(), classPath + (path == null ? "" : "/" + path.value()),
                                resource.isAnnotationPresent(NotifyCall.class)
                                        || method.isAnnotationPresent(NotifyCall.class),
                                method.isAnnotationPresent(ConsoleFile.class)));
                    }
                }
            }
        }
        assertTrue(endpoints.size() >= 8, "endpoints: " + endpoints);
        return endpoints;
    }

    private record Endpoint(String method, String template, boolean notifyCall, boolean consoleFile) {

        String path(Map<String, String> values) {
            Matcher parameter = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                String value = values.get(parameter.group(1));
                assertTrue(value != null, "no test value for the parameter of " + template);
                parameter.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            return parameter.appendTail(path).toString().replaceAll("/+", "/");
        }
    }
}
