package org.durableworkflow.it.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
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

    /** The server's name, unique on the machine; also its server id's first part where the server takes it. */
    String name();

    /** The HTTP port the sample answers on. */
    int port();

    /** Puts the sample WAR in place for the next start. */
    void deploy() throws IOException;

    /** Starts the server with {@code environment} added to its process's, and waits until the sample answers. */
    void start(Map<String, String> environment) throws Exception;

    /** Stops the server cleanly and waits for its process to end. */
    void stop() throws Exception;

    /** Kills the server's JVM with {@code kill -9}, as a crash would, and waits until it has ended. */
    void kill() throws Exception;

    /** A GET on the sample with its token. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException;

    /** A POST on the sample with its token. */
    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException;

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
