package org.durableworkflow.it.sample;

import java.util.Map;

/**
 * The sample on server pgServerB with a PostgreSQL schema of its own, for a test that looks at its rows: {@link
 * #start} creates the schema, {@link #stop} stops the server and drops it.
 */
final class SampleOnOwnSchema {

    final SampleServer server = SampleServer.pgServerB();
    private String schema;

    /** Deploys the sample and starts it on a new schema, with {@code environment} added. */
    void start(Map<String, String> environment) throws Exception {
        schema = server.startOnNewSchema(environment);
    }

    String schema() {
        return schema;
    }

    /** {@code SELECT COUNT(*) FROM} {@code rows}: a table, and a condition if any. */
    long count(String rows) throws Exception {
        return Postgres.count(schema, "SELECT COUNT(*) FROM " + rows);
    }

    void stop() throws Exception {
        server.stop();
        Postgres.dropSchema(schema);
    }
}
