package org.durableworkflow.it.readme;

import org.durableworkflow.api.WaitForEventResult;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Using it in your application", followed as a newcomer would: its Java class compiled, its
 * configuration and the library's JARs packed into {@code myapp.war}, its {@code server.xml} given to a new Liberty
 * server with Derby's JARs where it says, and its {@code curl} calls run with bash. Only the port changes.
 */
class ReadmeWalkthroughIT {

    private static final int PORT = Integer.getInteger("readme.http.port", 9184);
    private final Path wlp = Path.of(System.getProperty("wlp.dir"));
    private final Path server = wlp.resolve("usr/servers/readmeServer");

    @Test
    void theReadmesSnippetsMakeAWorkingApplication() throws Exception {
        ReadmeSection section = ReadmeSection.read(Path.of("..", "README.md"), "## Using it in your application");
        deleteRecursively(server);
        Files.createDirectories(server.resolve("apps"));
        Files.writeString(server.resolve("server.xml"), section.block("<server>").replace("9080", "" + PORT));
        buildWar(section.block("@Workflow"), section.block("durable-workflow.rest.token="))
                .as(ZipExporter.class).exportTo(server.resolve("apps/myapp.war").toFile(), true);
        copyDerbyJars();
        Process liberty = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", "readmeServer")
                .inheritIO().start();
        assertEquals(0, liberty.waitFor());
        try {
            awaitAnswer();
            String script = section.block("curl ").replace("9080", "" + PORT);
            Process bash = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true).start();
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, bash.exitValue(), output);
            // curl prints each answer without a newline: the waiter, the notify's answer, then the run
            int waiter = output.indexOf("\"url\":\"/myapp/workflow/runs/wfr_");
            int notified = output.indexOf("\"workflowRunId\":\"wfr_", waiter);
            int completed = output.indexOf("\"status\":\"COMPLETED\"", notified);
            assertTrue(waiter >= 0 && notified > waiter && completed > notified, output);
            assertTrue(output.substring(notified).contains("\"output\":\"\\\"Hello Ada, nice to meet you"), output);
        } finally {
            new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", "readmeServer").inheritIO().start()
                    .waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The README's class, compiled against the library's API and Jakarta EE, with the config and the JARs. */
    private static WebArchive buildWar(String javaSource, String config) throws Exception {
        Path sources = Files.createTempDirectory("readme-src");
        Path classes = Files.createTempDirectory("readme-classes");
        Path file = sources.resolve("com/example/GreetingWorkflow.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, javaSource);
        String classpath = jarOf(WaitForEventResult.class) + File.pathSeparator + jarOf(jakarta.inject.Inject.class)
                + File.pathSeparator + jarOf(jakarta.enterprise.context.ApplicationScoped.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", classpath, "-d", classes.toString(), file.toString()));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "myapp.war")
                .addAsResource(new StringAsset(config + "\n"), "META-INF/microprofile-config.properties");
        war.addAsWebInfResource(classes.resolve("com/example/GreetingWorkflow.class").toFile(),
                "classes/com/example/GreetingWorkflow.class");
        File jars = new File(System.getProperty("library.jars"));
        for (File jar : Objects.requireNonNull(jars.listFiles((dir, n) -> n.endsWith(".jar")))) {
            war.addAsLibrary(jar);
        }
        return war;
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Derby's JARs (the build copied them for the test server) where the README's server.xml reads them. */
    private void copyDerbyJars() throws Exception {
        Path derby = wlp.resolve("usr/shared/resources/derby");
        Files.createDirectories(derby);
        try (Stream<Path> jars = Files.list(wlp.resolve("usr/shared/resources/jdbc"))) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith("derby")).toList()) {
                Files.copy(jar, derby.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void awaitAnswer() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                + "/myapp/workflow/v2/waiters/ping")).header("Authorization", "Bearer change-me").build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
