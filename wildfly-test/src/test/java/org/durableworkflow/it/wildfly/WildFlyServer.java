package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sample WAR on a WildFly node of its own, started with {@code bin/standalone.sh} the way an operator would: the
 * unpacked server configured by the build ({@code configure.cli}) is shared, each node has its own copy of
 * {@code standalone/} as its base directory ({@code jboss.server.base.dir}: configuration, deployments, data with its
 * timers, log), its own {@code jboss.node.name} (the first part of the library's server id) and port offset. Given
 * {@value ServerProcess#DB_URL}, its default data source is {@code PostgresDS} on that url; otherwise H2 in memory.
 */
public final class WildFlyServer implements ServerProcess {

    private static final String EXECUTOR = "java:jboss/ee/concurrency/executor/durableWorkflow";

    private final String name;
    private final int offset;
    private final int managementPort;
    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private String profile = "standalone.xml";
    private Process launcher;

    /**
     * A node listening on HTTP 8080 + {@code offset}, its management interface on {@code managementPort} (set on
     * its own, to keep it out of ports other servers of the machine use).
     */
    public WildFlyServer(String name, int offset, int managementPort) {
        this.name = name;
        this.offset = offset;
        this.managementPort = managementPort;
        this.base = Path.of(System.getProperty("wildfly.nodes.dir", "target/nodes")).toAbsolutePath().resolve(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return 8080 + offset;
    }

    /** The first node of {@link WildFlyNodes}, for {@code -Dbench.server} (SampleLoad): a public no-arg constructor. */
    public WildFlyServer() {
        this("wfNodeA", Integer.getInteger("wildfly.node.a.offset", 2000),
                Integer.getInteger("wildfly.node.a.management.port", 11990));
    }

    /** Makes the node's base directory afresh (no data, timers or log of an earlier node) with {@code war} at /. */
    @Override
    public void deploy(Path war) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> paths = Files.walk(base)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Path configuration = home.resolve("standalone/configuration");
        Files.createDirectories(base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        try (Stream<Path> files = Files.list(configuration)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("configuration").resolve(file.getFileName()));
            }
        }
        Files.copy(war, base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The server configuration of its next starts, a file of {@code standalone/configuration}. */
    WildFlyServer profile(String file) {
        this.profile = file;
        return this;
    }

    /** Starts the node and waits until the sample answers; fails at once if the JVM ends meanwhile. */
    @Override
    public void start(Map<String, String> environment) throws Exception {
        launch(environment);
        awaitUntil(this::answers, "did not answer");
    }

    /**
     * Starts the node and waits until the deployment scanner has settled {@code ROOT.war}; returns the text of its
     * {@code ROOT.war.failed} marker (WildFly's reason), or null when it deployed.
     */
    String startForDeploymentOutcome(Map<String, String> environment) throws Exception {
        launch(environment);
        Path failed = base.resolve("deployments/ROOT.war.failed");
        awaitUntil(() -> Files.exists(failed) || Files.exists(base.resolve("deployments/ROOT.war.deployed")),
                "settled no deployment");
        return Files.exists(failed) ? Files.readString(failed) : null;
    }

    private void launch(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", profile,
                "-Djboss.server.base.dir=" + base,
                "-Djboss.node.name=" + name,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.management.http.port=" + (managementPort - offset),
                "-Djboss.management.https.port=" + (managementPort + 3 - offset));
        Map<String, String> env = builder.environment();
        env.put("JBOSS_HOME", home.toString());
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true"); // the script forwards TERM to the JVM and writes its pid
        env.put("JBOSS_PIDFILE", pidFile().toString());
        env.put("DURABLE_WORKFLOW_EXECUTOR", EXECUTOR);
        if (environment.containsKey(DB_URL)) {
            env.put("DEFAULT_DATASOURCE", "java:jboss/datasources/PostgresDS");
        }
        env.putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                base.resolve("console.log").toFile()));
        launcher = builder.start();
    }

    private void awaitUntil(Condition condition, String failure) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!condition.holds()) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException(name + " ended while starting: see " + base.resolve("log"));
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(name + " " + failure + " within 180 s: see " + base.resolve("log"));
            }
            Thread.sleep(250);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private boolean answers() throws InterruptedException {
        try {
            return get("/workflow/v2/waiters/ping").statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the node as an operator's {@code kill} (TERM) does: WildFly shuts down cleanly. */
    @Override
    public void stop() throws Exception {
        ProcessHandle jvm = process();
        jvm.destroy();
        if (!jvm.onExit().orTimeout(120, TimeUnit.SECONDS).handle((ended, failed) -> failed == null).join()) {
            throw new IllegalStateException(name + " did not stop within 120 s");
        }
        launcher.waitFor(30, TimeUnit.SECONDS);
    }

    /** Kills the server's JVM (not the script that launched it) with {@code kill -9}. */
    @Override
    public void kill() throws Exception {
        ProcessHandle jvm = process();
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(jvm.pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -9 " + jvm.pid() + " failed");
        }
        jvm.onExit().join();
        launcher.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public String pid() throws IOException {
        return String.valueOf(process().pid());
    }

    /** The running server's JVM, from the pid file the launch script writes. */
    private ProcessHandle process() throws IOException {
        if (launcher == null || !Files.exists(pidFile())) {
            throw new IllegalStateException(name + " is not running");
        }
        long pid = Long.parseLong(Files.readString(pidFile()).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    private Path pidFile() {
        return base.resolve("server.pid");
    }
}
