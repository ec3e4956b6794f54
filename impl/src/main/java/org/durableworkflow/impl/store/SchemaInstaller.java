package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.impl.config.ColumnWidths;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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

    /** The indexes of {@link #installEndedRunsIndexes}: ended runs by their end, and the events kept for runs. */
    public static final List<String> ENDED_RUNS_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS DWF_RUN_ENDED ON DWF_RUN (UPDATED_AT) WHERE STATUS IN " + RunStore.ENDED,
            "CREATE INDEX IF NOT EXISTS DWF_EVENT_RUN ON DWF_EVENT (RUN_ID) WHERE RUN_ID IS NOT NULL");

    /** Columns added since the tables were first made: added to a database that lacks them, at start. */
    static final List<String[]> ADDED_COLUMNS = List.<String[]>of(
            new String[] {"DWF_RUN", "TRACE_PARENT", "VARCHAR(" + ColumnWidths.TRACE_PARENT + ")"});

    /** The embedded databases' indexes for the runs list, added after their first tables: made where they lack. */
    private static final List<String> EMBEDDED_LATER_INDEXES = List.of(
            "CREATE INDEX DWF_RUN_CREATED ON DWF_RUN (CREATED_AT, RUN_ID)",
            "CREATE INDEX DWF_RUN_STATUS_CREATED ON DWF_RUN (STATUS, CREATED_AT)",
            "CREATE INDEX DWF_RUN_WORKFLOW ON DWF_RUN (WORKFLOW_NAME, CREATED_AT)");

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
                throw new IllegalStateException(StoreProblems.notInJndi(ContainerParts.DATA_SOURCE, e.toString()), e);
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
            // the embedded script has no IF NOT EXISTS: run only where its newest table is missing
            if (dialect == Dialect.POSTGRESQL || !tableExists(connection, "DWF_TIMER_WINDOW")) {
                for (String statement : statements(dialect.script())) {
                    execute(connection, statement);
                }
            }
            addMissingColumns(connection);
            if (dialect != Dialect.POSTGRESQL) {
                for (String index : EMBEDDED_LATER_INDEXES) { // also on a database made before them: "exists" is tolerated
                    execute(connection, index);
                }
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
        return (DataSource) new InitialContext().lookup(ContainerParts.DATA_SOURCE);
    }

    /** Adds the {@link #ADDED_COLUMNS} a database made by an older version lacks; nullable, so instant. */
    private void addMissingColumns(Connection connection) throws SQLException {
        for (String[] column : ADDED_COLUMNS) {
            if (!columnExists(connection, column[0], column[1])) {
                execute(connection, "ALTER TABLE " + column[0] + " ADD COLUMN " + column[1] + " " + column[2]);
            }
        }
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toLowerCase())) { // PostgreSQL keeps unquoted names in lower case
            try (ResultSet columns = meta.getColumns(null, connection.getSchema(), name, null)) {
                while (columns.next()) {
                    if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
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
