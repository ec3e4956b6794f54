package org.durableworkflow.peers.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The application's own table, written by steps 1 and 4 in the step's transaction. */
public final class Outbox {

    private Outbox() {
    }

    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE outbox (id BIGSERIAL PRIMARY KEY, run_id VARCHAR(64) NOT NULL,"
                    + " step VARCHAR(64) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    public static void write(Connection c, int run, String step) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO outbox (run_id, step) VALUES (?, ?)")) {
            s.setString(1, EventIds.of(run));
            s.setString(2, step);
            s.executeUpdate();
        }
    }
}
