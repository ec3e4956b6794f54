package org.durableworkflow.it.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The sample WAR on a Payara domain of its own, driven through {@code asadmin} the way an operator would: the domain
 * made anew for each test ({@code make-domain.sh} with {@code configure-sample.sh}: jdbc/__default on PostgreSQL,
 * the url from {@code DB_URL}), started and stopped with {@code start-domain} and {@code stop-domain}, its JVM killed with
 * {@code kill -9}. The sample is deployed at the root context at the next start and stays deployed across restarts.
 * Each domain gives the library its own server id ({@code DURABLE_WORKFLOW_SERVER_ID}): every Payara domain's
 * instance is called {@code server}, the library's default.
 */
public final class PayaraServer implements ServerProcess {

    private static final Path HOME = Path.of(System.getProperty("payara.home"));
    private static final Path SCRIPTS = Path.of(System.getProperty("payara.scripts"));

    private final String name;
    private final int portbase;
    private final Path domainDir;
    /** The WAR to deploy at the next start, a copy in the domain's directory; null once deployed. */
    private Path deployAtStart;

    /** The first domain of {@link PayaraClusterIT}, for {@code -Dbench.server} (SampleLoad): a no-arg constructor. */
    public PayaraServer() {
        this("dw-sample-a", 12000);
    }

    /** The domain {@code name} with create-domain's {@code portbase}: admin port portbase + 48, HTTP + 80. */
    PayaraServer(String name, int portbase) {
        this.name = name;
        this.portbase = portbase;
        this.domainDir = HOME.resolve("glassfish/domains").resolve(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return portbase + 80;
    }

    /**
     * Makes the domain anew, an earlier one deleted with its applications and timers; the WAR is deployed at the next
     * start. Anew, because redeploying the sample right after a start that followed a {@code kill -9} failed on
     * Payara ({@code Unable to access CDI}), and an earlier test's timers would fire in this one.
     */
    @Override
    public void deploy(Path war) throws IOException {
        if (Files.exists(domainDir)) {
            asadmin(Map.of(), "delete-domain", name);
        }
        run(Duration.ofMinutes(5), List.of("sh", SCRIPTS.resolve("make-domain.sh").toString(), name,
                String.valueOf(portbase), SCRIPTS.resolve("configure-sample.sh").toString(),
                System.getProperty("payara.jdbc.driver")), Map.of());
        deployAtStart = Files.copy(war, domainDir.resolve("sample.war"));
    }

    @Override
    public void start(Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("DURABLE_WORKFLOW_SERVER_ID", name);
        asadmin(env, "start-domain", name);
        if (deployAtStart != null) {
            asadmin(env, "--port", String.valueOf(portbase + 48), "deploy", "--force=true", "--name", "sample",
                    "--contextroot", "/", deployAtStart.toString());
            deployAtStart = null;
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get("/workflow/v2/waiters/ping").statusCode() == 200);
    }

    @Override
    public void stop() throws Exception {
        asadmin(Map.of(), "stop-domain", name);
    }

    /** The domain's JVM, from the domain's {@code config/pid}. */
    @Override
    public String pid() throws IOException {
        return Files.readString(domainDir.resolve("config/pid")).trim();
    }

    /** Kills the domain's JVM with {@code kill -9}. */
    @Override
    public void kill() throws Exception {
        long pid = Long.parseLong(pid());
        run(Duration.ofSeconds(30), List.of("kill", "-9", String.valueOf(pid)), Map.of());
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    private void asadmin(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(HOME.resolve("bin/asadmin").toString()));
        command.addAll(List.of(args));
        run(Duration.ofMinutes(4), command, environment);
    }

    /** Runs {@code command} with {@code environment} added, its output in {@code <name>-commands.log}. */
    private void run(Duration patience, List<String> command, Map<String, String> environment) throws IOException {
        try {
            runOrInterrupt(patience, command, environment);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(String.join(" ", command) + " interrupted");
        }
    }

    private void runOrInterrupt(Duration patience, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(HOME.resolve(name + "-commands.log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PAYARA_HOME", HOME.toString());
        Process process = builder.start();
        if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see " + name + "-commands.log");
        }
    }
}
