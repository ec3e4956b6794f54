package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one query of the readiness check: cheap (the partial index of runnable runs) and limited in time, so that a
 * database that does not answer turns the check DOWN within the limit instead of holding the health endpoint.
 * Outside any transaction, on a connection of its own.
 */
@ApplicationScoped
public class HealthQueries {

    private static final String OLDEST_RUNNABLE = "SELECT MIN(UPDATED_AT) FROM DWF_RUN WHERE STATUS = 'RUNNING'";

    private volatile DataSource dataSource;

    /**
     * When the longest runnable run became runnable (epoch millis), or {@code null} when none is.
     *
     * @throws SQLException when the database did not answer within {@code limit} (rounded up to whole seconds)
     */
    public Long oldestRunnableSince(Duration limit) throws SQLException {
        int seconds = (int) Math.max(1, (limit.toMillis() + 999) / 1000);
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(OLDEST_RUNNABLE)) {
            statement.setQueryTimeout(seconds);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long since = row.getLong(1);
                return row.wasNull() ? null : since;
            }
        }
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            dataSource = Transactions.lookup(ContainerParts.DATA_SOURCE);
        }
        return dataSource;
    }
}
