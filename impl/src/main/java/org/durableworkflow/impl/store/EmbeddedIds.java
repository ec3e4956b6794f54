package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of waiter and kept-event rows on embedded Derby, counted in this server's memory. Derby's identity columns
 * hand out ids from a catalog row that concurrent inserts contend for: when a range of ids runs out under load, Derby
 * fails some of those inserts with a lock timeout (40XL1) at once instead of waiting. An embedded database has one
 * server, so a counter that starts above the largest id stored keeps ids unique and in insertion order.
 */
@ApplicationScoped
public class EmbeddedIds {

    @Inject
    Sql sql;

    private final AtomicLong last = new AtomicLong(-1);

    /** The next id for a row of {@code DWF_WAITER} or {@code DWF_EVENT}; one sequence serves both. */
    public long next() {
        if (last.get() < 0) {
            seed();
        }
        return last.incrementAndGet();
    }

    private synchronized void seed() {
        if (last.get() >= 0) {
            return;
        }
        last.set(Math.max(largestId("DWF_WAITER"), largestId("DWF_EVENT")));
    }

    /** The largest id stored in {@code table}; 0 when it is empty. */
    private long largestId(String table) {
        return sql.query("SELECT MAX(ID) FROM " + table, row -> row.getLong(1)).get(0); // NULL reads as 0
    }
}
