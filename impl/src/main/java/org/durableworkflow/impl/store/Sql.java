package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain JDBC on the default data source, for the statements every workflow runs: a fraction of the CPU the JPA
 * provider spends on the same statements. Inside a JTA transaction all statements use one connection handle, which
 * the container shares with the persistence units of the same data source, so they see each other's writes and
 * commit together; outside one, each statement takes a connection of its own.
 */
@ApplicationScoped
public class Sql {

    private static final Object CONNECTION_KEY = new Object();
    /** A null for a large text column, which each {@link Dialect} binds its way. */
    private static final Object NULL_TEXT = new Object();

    @Inject
    SchemaInstaller schema;
    @Inject
    Transactions transactions;
    @Inject
    EmbeddedIds ids;

    private volatile DataSource dataSource;

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The first of {@code rows}, or {@code null} when there is none. */
    public static <T> T first(List<T> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** {@code text} as an argument for a large text column. */
    public static Object text(String text) {
        return text == null ? NULL_TEXT : text;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public int update(String sql, Object... args) {
        return withStatement(sql, false, statement -> statement.executeUpdate(), args);
    }

    /**
     * Inserts a row into {@code table}, whose {@code ID} PostgreSQL generates and, on embedded Derby, this server
     * counts ({@link EmbeddedIds}); returns the id.
     *
     * @param columns the columns of {@code args}, comma-separated, without {@code ID}
     */
    public long insertWithId(String table, String columns, Object... args) {
        String placeholders = String.join(", ", Collections.nCopies(args.length, "?"));
        if (!schema.postgres()) {
            long id = ids.next();
            Object[] withId = new Object[args.length + 1];
            withId[0] = id;
            System.arraycopy(args, 0, withId, 1, args.length);
            update("INSERT INTO " + table + " (ID, " + columns + ") VALUES (?, " + placeholders + ")", withId);
            return id;
        }
        return withStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")", true,
                statement -> {
                    statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }, args);
    }

    /** Runs a SELECT; returns its rows read by {@code row}. */
    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        return withStatement(sql, false, statement -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    rows.add(row.read(results));
                }
            }
            return rows;
        }, args);
    }

    private Connection sharedConnection() throws Exception {
        return transactions.perTransaction(CONNECTION_KEY, () -> dataSource().getConnection(), Sql::closeQuietly);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T withStatement(String sql, boolean generatedKeys, Work<T> work, Object... args) {
        Connection own = null;
        try {
            Connection shared = sharedConnection();
            Connection connection = shared != null ? shared : (own = dataSource().getConnection());
            try (PreparedStatement statement = generatedKeys
                    ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : connection.prepareStatement(sql)) {
                bind(statement, args);
                return work.run(statement);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PersistenceException(StoreProblems.sqlFailed(e.getMessage(), sql), e);
        } finally {
            if (own != null) {
                closeQuietly(own);
            }
        }
    }

    private void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg == NULL_TEXT) {
                statement.setNull(i + 1, schema.dialect().nullTextType());
            } else if (arg instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else if (arg instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the container reclaims the handle with the transaction
        }
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            dataSource = Transactions.lookup(ContainerParts.DATA_SOURCE);
        }
        return dataSource;
    }
}
