package org.durableworkflow.it.sample;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The sample WAR on its own Liberty server, driven through Liberty's {@code server} script the way an operator
 * would: start, stop, and {@code kill -9}.
 */
final class SampleServer implements ServerProcess {

    private final String name;
    private final int port;
    private final Path wlp = Path.of(System.getProperty("wlp.dir"));
    private final Path serverDir;
    /** Features and what takes their place at the next start: another feature, or nothing when empty. */
    private final Map<String, String> swaps = new java.util.LinkedHashMap<>();

    /** The Derby-backed sample server. */
    SampleServer() {
        this("sampleServer", Integer.getInteger("sample.http.port", 9181));
    }

    /** The first of the two PostgreSQL servers of a cluster. */
    static SampleServer pgServerA() {
        return new SampleServer("pgServerA", Integer.getInteger("pg.a.http.port", 9182));
    }

    /** The second of the two PostgreSQL servers of a cluster. */
    static SampleServer pgServerB() {
        return new SampleServer("pgServerB", Integer.getInteger("pg.b.http.port", 9183));
    }

    /** A server created by the build from the sample's configuration, listening on {@code port}. */
    SampleServer(String name, int port) {
        this.name = name;
        this.port = port;
        this.serverDir = wlp.resolve("usr/servers").resolve(name);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String name() {
        return name;
    }

    /** Deploys {@code war} as the server's {@code apps/liberty-sample.war}. */
    @Override
    public void deploy(Path war) throws IOException {
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(war, serverDir.resolve("apps/liberty-sample.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the server with extra environment variables and waits until the sample answers. */
    @Override
    public void start(Map<String, String> environment) throws Exception {
        run(environment, "start", name);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get("/workflow/v2/waiters/ping").statusCode() == 200);
    }

    /**
     * Starts the server and returns once Liberty has, whether or not the application started; its log tells
     * ({@link #log}).
     */
    void startWithoutWaitingForTheSample(Map<String, String> environment) throws Exception {
        run(environment, "start", name);
    }

    /** The server's {@code messages.log}, which Liberty begins afresh at each start. */
    Path log() {
        return serverDir.resolve("logs/messages.log");
    }

    /** Deploys the sample and starts it on a new PostgreSQL schema, with {@code environment} added; returns it. */
    String startOnNewSchema(Map<String, String> environment) throws Exception {
        deploy();
        return startDeployedOnNewSchema(environment);
    }

    /** Starts what is deployed on a new PostgreSQL schema, with {@code environment} added; returns the schema. */
    String startDeployedOnNewSchema(Map<String, String> environment) throws Exception {
        Postgres.requireReachable();
        String schema = Postgres.createSchema();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("DB_URL", Postgres.urlFor(schema));
        start(env);
        return schema;
    }

    /**
     * Starts the server with no application at all (their files deleted; {@link #deploy} puts the sample back), for
     * the footprint of the application server alone with its features.
     */
    void startWithoutApplications() throws Exception {
        try (java.util.stream.Stream<Path> apps = Files.list(serverDir.resolve("apps"))) {
            for (Path app : apps.toList()) {
                Files.delete(app);
            }
        }
        run(Map.of(), "start", name); // returns once the server has started
    }

    /** Stops the server; a {@code server.xml} changed for its start is put back, so that no later build keeps it. */
    @Override
    public void stop() throws Exception {
        run(Map.of(), "stop", name);
        putBackServerXml();
    }

    /** Stops each server that still runs; one killed or halted by its test is skipped. */
    static void stopAll(SampleServer... servers) {
        ServerProcess.stopAll(servers);
    }

    /** Kills the server's JVM at once, as a crash would. */
    @Override
    public void kill() throws Exception {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        String pid = Files.readString(pidFile).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().join());
        Files.deleteIfExists(pidFile);
    }

    /** Waits until the server's JVM has ended on its own (a crash test halted it) and clears its pid file. */
    void awaitDeath(Duration patience) throws Exception {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        String pid = Files.readString(pidFile).trim();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().orTimeout(patience.toMillis(),
                TimeUnit.MILLISECONDS).join());
        Files.deleteIfExists(pidFile);
    }

    @Override
    public String pid() throws IOException {
        return Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).trim();
    }

    /** Deletes the sample's Derby database, with the server down, so that it starts with empty tables. */
    void deleteDerbyDatabase() throws IOException {
        Path database = serverDir.resolve("derby");
        if (Files.exists(database)) {
            try (java.util.stream.Stream<Path> paths = Files.walk(database)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The Derby database of the sample, for looking at (or, with the server down, changing) its rows. */
    String derbyUrl() {
        return "jdbc:derby:" + serverDir.resolve("derby/workflow");
    }

    /**
     * With {@code -Dbench.features=library}, the server runs only the features the library needs: the sample's
     * MicroProfile Health and OpenAPI are left out of its {@code server.xml} (kept as {@code server.xml.sample} and put
     * back on the next start without it), as the peers' benchmark processes serve neither.
     */
    private void chooseFeatures() throws IOException {
        Path config = serverDir.resolve("server.xml");
        Path sample = serverDir.resolve("server.xml.sample");
        putBackServerXml();
        if ("library".equals(System.getProperty("bench.features"))) {
            Files.copy(config, sample);
            Files.writeString(config, Files.readString(config)
                    .replaceAll("\\s*<feature>mp(Health|OpenAPI|Telemetry)-[0-9.]+</feature>", ""));
        }
        if (!swaps.isEmpty()) {
            if (!Files.exists(sample)) {
                Files.copy(config, sample);
            }
            String changed = Files.readString(config);
            for (Map.Entry<String, String> swap : swaps.entrySet()) {
                changed = changed.replace("<feature>" + swap.getKey() + "</feature>",
                        swap.getValue().isEmpty() ? "" : "<feature>" + swap.getValue() + "</feature>");
            }
            Files.writeString(config, changed);
            swaps.clear();
        }
    }

    /**
     * Puts the sample's {@code server.xml} back, as new: Liberty keeps the configuration it read last, and reads the
     * file again only when it is newer than that.
     */
    private void putBackServerXml() throws IOException {
        Path sample = serverDir.resolve("server.xml.sample");
        if (Files.exists(sample)) {
            Path config = serverDir.resolve("server.xml");
            Files.move(sample, config, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(config, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        }
    }

    /**
     * At the next start only, the server runs feature {@code instead} in place of {@code feature}: its
     * {@code server.xml} is changed as for {@code bench.features}, and put back at the start after.
     */
    void swapFeatureAtNextStart(String feature, String instead) {
        swaps.put(feature, instead);
    }

    /** At the next start only, the server runs without {@code features}, as {@link #swapFeatureAtNextStart}. */
    void leaveOutFeaturesAtNextStart(String... features) {
        for (String feature : features) {
            swaps.put(feature, "");
        }
    }

    private void run(Map<String, String> environment, String... args) throws Exception {
        if (args[0].equals("start")) {
            chooseFeatures();
        }
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString());
        builder.command().addAll(java.util.List.of(args));
        builder.environment().putAll(environment);
        builder.environment().putAll(ServerJvm.environment());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + String.join(" ", args) + " did not finish");
        }
    }
}
