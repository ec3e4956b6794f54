package org.durableworkflow.it.wildfly;

import org.durableworkflow.it.sample.Postgres;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates ({@code create NAME}) or drops ({@code drop NAME}) the PostgreSQL schema of the suite's run on PostgreSQL,
 * before and after it (the build runs it with {@code exec:java}). The driver is called directly: Maven's class
 * loaders hide it from {@code DriverManager}.
 */
public final class SuiteSchema {

    private SuiteSchema() {
    }

    public static void main(String[] args) throws Exception {
        String schema = args[1];
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        Properties user = new Properties();
        user.setProperty("user", "postgres");
        try (Connection connection = new org.postgresql.Driver().connect(Postgres.URL, user);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            if (args[0].equals("create")) {
                statement.execute("CREATE SCHEMA " + schema);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + Postgres.URL + ": " + e.getMessage()
                    + " (-Dwildfly.postgres.skip=true runs the suite on H2 only)", e);
        }
    }
}
