package org.durableworkflow.it.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An application server holding the sample WAR, as a process a test starts, stops and kills with {@code kill -9},
 * listening on its own port. The scenarios ({@link ClusterScenario}, {@link RestartScenario}) take such servers, so
 * that the same scenario runs on every kind of server: {@code SampleServer} is the Open Liberty one; another module
 * brings its own server's.
 *
 * <p>The database is the server's default data source; where the server is made for PostgreSQL, the environment
 * variable {@value #DB_URL} names the JDBC url of its database and schema ({@link #startOnSchema}).
 */
public interface ServerProcess {

    /** The environment variable holding the PostgreSQL JDBC url of a server on PostgreSQL. */
    String DB_URL = "DB_URL";

    /** The bearer token of the sample's REST API. */
    String TOKEN = "sample-token";

    /** The client of every server's requests. */
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The server's name, unique on the machine; also its server id's first part where the server takes it. */
    String name();

    /** The HTTP port the sample answers on. */
    int port();

    /** Puts {@code war} in place as the application of the next start. */
    void deploy(Path war) throws IOException;

    /** Puts the sample WAR in place for the next start. */
    default void deploy() throws IOException {
        deploy(Path.of(System.getProperty("sample.war")));
    }

    /** Puts the sample WAR with {@code extraClasses} added (benchmark drivers) in place for the next start. */
    default void deployWith(Class<?>... extraClasses) throws IOException {
        Path war = Files.createTempFile("sample-with-drivers", ".war");
        try {
            ShrinkWrap.createFromZipFile(WebArchive.class, Path.of(System.getProperty("sample.war")).toFile())
                    .addClasses(extraClasses).as(ZipExporter.class).exportTo(war.toFile(), true);
            deploy(war);
        } finally {
            Files.deleteIfExists(war);
        }
    }

    /** The process id of the server's JVM, while it runs. */
    String pid() throws IOException;

    /** The server's running JVM, for what it holds (CPU time, memory, threads). */
    default ServerJvm jvm() throws IOException {
        return new ServerJvm(pid());
    }

    /** Starts the server with {@code environment} added to its process's, and waits until the sample answers. */
    void start(Map<String, String> environment) throws Exception;

    /** Stops the server cleanly and waits for its process to end. */
    void stop() throws Exception;

    /** Kills the server's JVM with {@code kill -9}, as a crash would, and waits until it has ended. */
    void kill() throws Exception;

    /** A GET on the sample with its token. */
    default HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(30));
    }

    /** A GET that fails when the server has not answered within {@code patience}. */
    default HttpResponse<String> get(String path, Duration patience) throws IOException, InterruptedException {
        return HTTP.send(request(path, patience).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST on the sample with its token. */
    default HttpResponse<String> post(String path, String body, String contentType)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST without a body that may take up to {@code patience} to answer. */
    default HttpResponse<String> postAndWait(String path, Duration patience) throws IOException, InterruptedException {
        return HTTP.send(request(path, patience).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Duration patience) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).timeout(patience)
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** Starts the server on PostgreSQL schema {@code schema}, with {@code environment} added. */
    default void startOnSchema(String schema, Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put(DB_URL, Postgres.urlFor(schema));
        start(env);
    }

    /** Stops each server that still runs; one killed or halted by its test is skipped. */
    static void stopAll(ServerProcess... servers) {
        for (ServerProcess server : servers) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // killed already
            }
        }
    }
}
