package org.durableworkflow.impl.store;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

/**
 * Failures where the database rolled a transaction back because of another one: a deadlock, a lock it waited for
 * too long, a serialization failure (SQLSTATE class 40). Running the same work again in a new transaction is safe
 * and usually succeeds, unlike an outage or a bad statement.
 */
public final class Conflicts {

    /** H2's lock timeout, which it reports outside class 40, though it rolls back no more than the statement. */
    private static final String LOCK_TIMEOUT_H2 = "HYT00";

    private Conflicts() {
    }

    /** Whether {@code failure} or one of its causes is such a rollback. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || LOCK_TIMEOUT_H2.equals(sql.getSQLState()))) {
                return true;
            }
            // at commit, Derby reports a branch it rolled back for a deadlock or a lock timeout in XA terms
            if (cause instanceof XAException xa
                    && (xa.errorCode == XAException.XA_RBDEADLOCK || xa.errorCode == XAException.XA_RBTIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} or one of its causes is a unique key's violation (SQLSTATE 23505). */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A pause before attempt {@code attempt} (1, 2, ...) again: growing, and jittered so that rivals part. */
    public static void pauseBefore(int attempt) {
        long millis = 10L * attempt + (long) (Math.random() * 20 * attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
