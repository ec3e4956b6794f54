package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates the library's tables and indexes at start, outside any transaction, from one script per database
 * ({@code META-INF/durable-workflow/*.sql}). JPA's own schema generation is not used: on PostgreSQL it runs inside
 * the first transaction, where one failing statement aborts everything after it.
 */
@ApplicationScoped
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
    private static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    /** The indexes of {@link #installEndedRunsIndexes}: ended runs by their end, and the events kept for runs. */
    public static final List<String> ENDED_RUNS_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS DWF_RUN_ENDED ON DWF_RUN (UPDATED_AT) WHERE STATUS IN " + RunStore.ENDED,
            "CREATE INDEX IF NOT EXISTS DWF_EVENT_RUN ON DWF_EVENT (RUN_ID) WHERE RUN_ID IS NOT NULL");

    private volatile Dialect dialect;

    /**
     * What the database takes of SQL. Known once installed, or read from the data source before: a persistent timer
     * left by the application's previous deployment may fire before the start's installation ran.
     */
    public Dialect dialect() {
        Dialect known = dialect;
        if (known == null) {
            // maybe inside the caller's transaction (a timer's): a connection as it comes, its autocommit untouched
            try (Connection connection = dataSource().getConnection()) {
                known = Dialect.of(connection.getMetaData().getDatabaseProductName());
            } catch (Exception e) {
                throw new IllegalStateException(StoreProblems.notInJndi(DATA_SOURCE, e.toString()), e);
            }
            dialect = known;
        }
        return known;
    }

    /** Whether the database is PostgreSQL, where some queries take a faster form. */
    public boolean postgres() {
        return dialect() == Dialect.POSTGRESQL;
    }

    /** Creates what is missing; safe to run from several servers at once. */
    public void install() throws Exception {
        try (Connection connection = connect()) {
            String product = connection.getMetaData().getDatabaseProductName();
            dialect = Dialect.of(product);
            // the embedded script has no IF NOT EXISTS: skip when the newest table is there; older ones are tolerated
            if (dialect != Dialect.POSTGRESQL && tableExists(connection, "DWF_TIMER_WINDOW")) {
                return;
            }
            for (String statement : statements(dialect.script())) {
                execute(connection, statement);
            }
            LOG.info(StoreProblems.tablesReady(product));
        }
    }

    /**
     * The indexes by which ended runs and their kept events are found to be deleted ({@code runs.retention}), on
     * PostgreSQL; made only where a retention is set, as every run that ends adds to the first. Building them blocks
     * writes to their tables meanwhile: on large tables, create them beforehand with {@code CREATE INDEX
     * CONCURRENTLY} (docs/configuration.md).
     */
    public void installEndedRunsIndexes() throws Exception {
        if (!postgres()) {
            return; // embedded Derby or H2, one server: its sweep reads the ended runs by their status
        }
        try (Connection connection = connect()) {
            for (String index : ENDED_RUNS_INDEXES) {
                execute(connection, index);
            }
        }
    }

    /** A connection of the default data source outside any transaction: each statement commits on its own. */
    private static Connection connect() throws Exception {
        Connection connection = dataSource().getConnection();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            connection.close(); // else the pool loses it
            throw e;
        }
        return connection;
    }

    private static DataSource dataSource() throws Exception {
        return (DataSource) new InitialContext().lookup(DATA_SOURCE);
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!dialect.alreadyExists(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static List<String> statements(String script) throws IOException {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream("/META-INF/durable-workflow/" + script)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = Arrays.stream(text.split("\n"))
                    .filter(line -> !line.trim().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
            return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
