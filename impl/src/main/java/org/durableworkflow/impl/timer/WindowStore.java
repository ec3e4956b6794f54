package org.durableworkflow.impl.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.store.SchemaInstaller;
import org.durableworkflow.impl.store.Sql;
import org.durableworkflow.impl.store.WaiterEntity;

import java.util.List;

/** The statements of {@link DeadlineWindows}: one row per armed window, and the waiters due in a window. */
@ApplicationScoped
public class WindowStore {

    /** A waiter still waiting and when it times out. */
    public record Due(long waiterId, long deadline) {
    }

    @Inject
    Sql sql;
    @Inject
    SchemaInstaller schema;

    /**
     * Claims window {@code start} for the current transaction: {@code true} when no server had armed it, so the
     * caller must create its timer in this transaction; a server arming it at the same moment waits for this one.
     * Embedded Derby serves one server, whose memory already knows the windows it armed: no row is claimed there
     * (a window armed again after a restart fires twice, which times nobody out twice).
     */
    public boolean claim(long start) {
        if (!schema.postgres()) {
            return true;
        }
        return sql.update("INSERT INTO DWF_TIMER_WINDOW (WINDOW_START) VALUES (?) ON CONFLICT DO NOTHING", start) == 1;
    }

    /** Forgets the windows that began before {@code before}: their timers fired. Derby holds no such rows. */
    public int releaseBefore(long before) {
        if (!schema.postgres()) {
            return 0;
        }
        return sql.update("DELETE FROM DWF_TIMER_WINDOW WHERE WINDOW_START < ?", before);
    }

    /**
     * The waiters still waiting whose deadline is in {@code [from, to)}, soonest first. On Derby the read takes no
     * locks ({@code WITH UR}): a window's timer runs in a transaction of Liberty's that also holds its task row, and
     * waits registering at that moment must not wait for it. A waiter read before its commit that then rolls back is
     * timed out by nobody: its timeout finds no waiter.
     */
    public List<Due> waitingDue(long from, long to) {
        // the state as a literal, so that PostgreSQL's partial index on waiting deadlines serves every plan
        return sql.query("SELECT ID, DEADLINE FROM DWF_WAITER WHERE STATE = '" + WaiterEntity.WAITING + "'"
                + " AND DEADLINE >= ? AND DEADLINE < ? ORDER BY DEADLINE" + schema.dialect().lockFreeRead(),
                row -> new Due(row.getLong(1), row.getLong(2)), from, to);
    }
}
