package org.durableworkflow.it.sample;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in headless Chromium against the sample server (Derby, tokens on), clicking through what an
 * operator does: sign in (a wrong token and a notify-only token are refused), start an order, see it wait, notify
 * it, see it completed with its steps, cancel another, filter and search the runs. Saves the screenshots of
 * docs/console.md. Its static files' headers and the listing's keyset paging are checked over plain HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final SampleServer SERVER = new SampleServer();
    private static final String NOTIFY_TOKEN = "notify-only-token";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The repository's docs folder, where the screenshots go: failsafe runs in src-test. */
    private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
    private static final String BASE = "http://localhost:" + Integer.getInteger("sample.http.port", 9181);
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        SERVER.deleteDerbyDatabase(); // the screenshots show this test's runs only
        SERVER.deploy();
        SERVER.start(Map.of("DURABLE_WORKFLOW_REST_NOTIFY_TOKEN", NOTIFY_TOKEN));
        browser = new Browser(1280, 860);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        SERVER.stop();
    }

    @Test
    @Order(1)
    void theFilesLoadWithoutATokenUnderTheLibrarysRootOnlyWithTypesAndCaching() throws Exception {
        HttpResponse<String> bare = plainGet("/workflow/console", Map.of());
        assertEquals(301, bare.statusCode());
        assertEquals("console/", bare.headers().firstValue("Location").orElse(""));

        HttpResponse<String> page = plainGet("/workflow/console/", Map.of());
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=utf-8", contentType(page));
        assertTrue(page.body().contains("<script type=\"module\" src=\"console.js\">"), page.body());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").startsWith("no-cache"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no outside address");

        for (String[] file : new String[][]{{"console.js", "text/javascript;charset=utf-8"},
                {"console.css", "text/css;charset=utf-8"}, {"icon.svg", "image/svg+xml"}}) {
            HttpResponse<String> answer = plainGet("/workflow/console/" + file[0], Map.of());
            assertEquals(200, answer.statusCode(), file[0]);
            assertEquals(file[1], contentType(answer), file[0]);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
            String tag = answer.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, plainGet("/workflow/console/" + file[0], Map.of("If-None-Match", tag)).statusCode());
        }
        HttpResponse<String> missing = plainGet("/workflow/console/nothing.js", Map.of());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("DWF0833"), missing.body());
        // outside the library's root nothing is served (other applications' routes: ForeignApplicationTest)
        assertEquals(404, plainGet("/console/", Map.of()).statusCode());
        // the data stays behind the token
        assertEquals(401, plainGet("/workflow/runs", Map.of()).statusCode());
        HttpResponse<String> notifyOnly = plainGet("/workflow/runs",
                Map.of("Authorization", "Bearer " + NOTIFY_TOKEN));
        assertEquals(403, notifyOnly.statusCode());
        assertTrue(notifyOnly.body().contains("DWF0812"), notifyOnly.body());
    }

    @Test
    @Order(2)
    void anOperatorSignsInStartsAnOrderNotifiesItAndSeesItCompletedWithItsSteps() throws Exception {
        browser.open(BASE + "/workflow/console/");
        signIn("wrong-token", "DWF0802");
        signIn(NOTIFY_TOKEN, "may only notify");
        signIn(SampleServer.TOKEN, null);
        browser.visible("table.runs");

        String orderId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        browser.click("#start-button");
        browser.until(d -> new Select(d.findElement(By.id("start-workflow"))).getOptions().size() > 0);
        new Select(browser.driver.findElement(By.id("start-workflow"))).selectByVisibleText("order-processing");
        browser.type("#start-input", "[1, 2]"); // JSON, but no order: the API's refusal is shown as it is
        browser.click("#start-submit");
        browser.awaitText("#start-error", "DWF");
        browser.type("#start-input", "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}");
        browser.click("#start-submit");
        browser.awaitText("#run-waiters", "order-" + orderId);
        browser.awaitText(".view-head .badge", "waiting");
        browser.awaitText("#run-waiters", "times out in 9 min");
        String runId = browser.visible("#run-title").getText();

        browser.click("#run-waiters button");
        assertEquals("order-" + orderId, browser.visible("#notify-event-id").getAttribute("value"));
        browser.type("#notify-data", "{\"status\":\"shipped\",\"deliveryTime\":\"2 days\"}");
        browser.click("#notify-submit");
        browser.awaitText("#notify-resumed", runId);
        browser.click("#notify-dialog [data-close]");

        browser.awaitText(".view-head .badge", "completed");
        browser.awaitText("#run-output", "\"confirmed\"");
        List<String> steps = browser.driver.findElements(By.cssSelector("#steps .step-name")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("request processing", "wait for order processing", "process order",
                "send confirmation email"), steps);
        assertEquals("COMPLETED", run(runId).get("status"));
        browser.driver.manage().window().setSize(new Dimension(1280, 1180)); // the whole timeline
        screenshot("console-run.png");
        browser.driver.manage().window().setSize(new Dimension(1280, 860));
    }

    @Test
    @Order(3)
    void anOperatorCancelsAWaitingRunAfterConfirming() throws Exception {
        String runId = startOrder("cancel-" + UUID.randomUUID().toString().substring(0, 8));
        browser.open(BASE + "/workflow/console/#/run/" + runId);
        browser.awaitText(".view-head .badge", "waiting");
        browser.click("#cancel-run");
        browser.awaitText("#confirm-text", runId);
        browser.click("#confirm-yes");
        browser.awaitText(".view-head .badge", "cancelled");
        assertEquals("CANCELLED", run(runId).get("status"));
        assertTrue(browser.driver.findElements(By.id("cancel-run")).isEmpty(), "an ended run has no cancel");
    }

    @Test
    @Order(4)
    void theRunsListFiltersByStatusAndSearchesByEventId() throws Exception {
        String waiting = "search-" + UUID.randomUUID().toString().substring(0, 8);
        String waitingRun = startOrder(waiting);
        String rejectedOrder = "rejected-" + UUID.randomUUID().toString().substring(0, 8);
        String rejected = startOrder(rejectedOrder);
        for (int i = 0; i < 3; i++) {
            startOrder("order-" + (1324 + i));
        }
        awaitStatus(rejected, "WAITING");
        assertEquals(200, SERVER.post("/workflow/v2/notify/order-" + rejectedOrder, "{\"status\":\"rejected\"}",
                "text/plain").statusCode());
        awaitStatus(rejected, "FAILED");

        browser.open(BASE + "/workflow/console/#/runs");
        browser.awaitText("table.runs tbody", rejected);
        browser.awaitText("table.runs tbody", waitingRun);
        screenshot("console-runs.png");

        browser.click(".chip[data-status='CANCELLED']");
        browser.until(d -> badges().stream().allMatch("cancelled"::equals) && !badges().isEmpty());

        browser.click(".chip[data-status='']");
        new Select(browser.driver.findElement(By.id("search-by"))).selectByValue("eventId");
        browser.type("#search", "order-" + waiting);
        browser.click(".filters button[type=submit]");
        browser.until(d -> d.findElements(By.cssSelector("tr.run")).size() == 1
                && d.findElement(By.cssSelector("tr.run")).getText().contains(waitingRun));

        browser.driver.manage().window().setSize(new Dimension(390, 844)); // a phone: the table becomes cards
        browser.open(BASE + "/workflow/console/#/runs");
        browser.awaitText("table.runs tbody", waitingRun);
        assertFalse(browser.driver.findElement(By.cssSelector("table.runs thead")).isDisplayed());
        screenshot("console-phone.png");
        browser.driver.manage().window().setSize(new Dimension(1280, 860));
    }

    @Test
    @Order(5)
    void aFailedRunShowsItsFailureHandlerAndIsForkedAndResumedFromTheConsole() throws Exception {
        String orderId = "fork-" + UUID.randomUUID().toString().substring(0, 8);
        String runId = startOrder(orderId);
        awaitStatus(runId, "WAITING");
        assertEquals(200, SERVER.post("/workflow/v2/notify/order-" + orderId, "{\"status\":\"rejected\"}",
                "text/plain").statusCode());
        awaitStatus(runId, "FAILED");

        browser.open(BASE + "/workflow/console/#/run/" + runId);
        browser.awaitText(".view-head .badge", "failed");
        browser.awaitText(".cards", "failure handler");
        browser.awaitText("#run-error", "rejected");
        browser.click("li.step[data-sequence='2'] button.link");
        browser.awaitText("#confirm-title", "Fork from step #2");
        browser.click("#confirm-yes");
        browser.until(d -> !d.findElement(By.id("run-title")).getText().equals(runId));
        String forked = browser.visible("#run-title").getText();
        browser.awaitText(".view-head .badge", "waiting");
        assertEquals("WAITING", run(forked).get("status"));

        browser.open(BASE + "/workflow/console/#/run/" + runId);
        browser.click("#resume-run");
        browser.click("#confirm-yes");
        browser.awaitText("#toast", "Run resumed");
        awaitStatus(runId, "FAILED"); // the same event fails its step again; the resume itself was taken
        SERVER.post("/workflow/runs/" + forked + "/cancel", "", "text/plain");
    }

    @Test
    @Order(6)
    void keysetPagesWalkEveryRunOnceAndBadParametersAre400() throws Exception {
        for (int i = 0; i < 7; i++) {
            startOrder("page-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        List<String> all = ids("/workflow/runs?size=500");
        List<String> walked = new java.util.ArrayList<>();
        String after = null;
        do {
            List<String> page = ids("/workflow/runs?size=3" + (after == null ? "" : "&after=" + after));
            walked.addAll(page);
            after = page.size() == 3 ? page.get(2) : null;
        } while (after != null);
        assertEquals(all, walked);
        assertTrue(all.size() >= 13, all.toString());
        assertEquals(List.of(all.get(4)), ids("/workflow/runs?runId=" + all.get(4)));

        assertEquals("DWF0809", errorOf("/workflow/runs?status=SLEEPING"));
        assertEquals("DWF0808", errorOf("/workflow/runs?size=0"));
        assertEquals("DWF0830", errorOf("/workflow/runs?after=wfr_nobody"));
        assertEquals("DWF0831", errorOf("/workflow/runs?after=" + all.get(0) + "&page=1"));
    }

    @Test
    @Order(7)
    void turnedOffTheConsoleAnswers404AndTheApiStays() throws Exception {
        SERVER.stop();
        SERVER.start(Map.of("DURABLE_WORKFLOW_CONSOLE_ENABLED", "false"));
        HttpResponse<String> page = plainGet("/workflow/console/", Map.of());
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("DWF0832"), page.body());
        assertEquals(200, SERVER.get("/workflow/runs").statusCode());
    }

    private static void signIn(String token, String refusal) {
        browser.visible("#login-dialog");
        browser.type("#login-token", token);
        browser.click("#login-submit");
        if (refusal != null) {
            browser.awaitText("#login-error", refusal);
        } else {
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("login-dialog")));
        }
    }

    /** Saves a screenshot for docs/console.md once no message floats over the page. */
    private static void screenshot(String name) throws Exception {
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("toast")));
        browser.screenshot(DOCS.resolve(name));
    }

    private static List<String> badges() {
        return browser.driver.findElements(By.cssSelector("tr.run .badge")).stream().map(e -> e.getText().toLowerCase())
                .toList();
    }

    private static String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"ada@example.com\"}", "application/json");
        assertEquals(202, response.statusCode(), response.body());
        return (String) JSON.fromJson(response.body(), Map.class).get("workflowRunId");
    }

    private static Map<?, ?> run(String runId) throws Exception {
        return JSON.fromJson(SERVER.get("/workflow/runs/" + runId).body(), Map.class);
    }

    private static void awaitStatus(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> status.equals(run(runId).get("status")));
    }

    private static List<String> ids(String path) throws Exception {
        HttpResponse<String> answer = SERVER.get(path);
        assertEquals(200, answer.statusCode(), answer.body());
        return ((List<?>) JSON.fromJson(answer.body(), List.class)).stream()
                .map(run -> (String) ((Map<?, ?>) run).get("workflowRunId")).toList();
    }

    private static String errorOf(String path) throws Exception {
        HttpResponse<String> answer = SERVER.get(path);
        assertEquals(400, answer.statusCode(), answer.body());
        return ((String) JSON.fromJson(answer.body(), Map.class).get("error")).substring(0, 7);
    }

    private static HttpResponse<String> plainGet(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }
}
