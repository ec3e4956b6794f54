package org.durableworkflow.impl.store;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflictsTest {

    @Test
    void deadlocksLockTimeoutsAndSerializationFailuresAreConflicts() {
        for (String state : new String[]{"40001", "40P01", "40XL1", "40XL2", "HYT00"}) {
            assertTrue(Conflicts.isConflict(wrapped(new SQLException("conflict", state))), state);
        }
    }

    @Test
    void derbysRollbackOfAnXaBranchForALockIsAConflict() {
        assertTrue(Conflicts.isConflict(wrapped(new XAException(XAException.XA_RBTIMEOUT))));
        assertTrue(Conflicts.isConflict(wrapped(new XAException(XAException.XA_RBDEADLOCK))));
        assertFalse(Conflicts.isConflict(wrapped(new XAException(XAException.XAER_RMFAIL))));
    }

    @Test
    void aLockTimeoutWhileTheContainerStoredATimerIsAConflict() {
        SQLException lockTimeout = new SQLException("A lock could not be obtained", "40XL1");
        Exception fromTheTimerBean = new EJBTransactionRolledbackException("rolled back",
                new EJBException(new PersistenceException("insert into the task table", lockTimeout)));
        assertTrue(Conflicts.isConflict(new StorageUnavailableException("DWF0508", fromTheTimerBean)));
    }

    @Test
    void outagesBadStatementsAndConstraintViolationsAreNot() {
        for (String state : new String[]{"08006", "42X05", "23505", null}) {
            assertFalse(Conflicts.isConflict(wrapped(new SQLException("other", state))), state);
        }
        assertFalse(Conflicts.isConflict(new IllegalStateException("no cause")));
    }

    private static RuntimeException wrapped(Exception cause) {
        return new StorageUnavailableException("DWF0501: refused", new PersistenceException("DWF0507", cause));
    }
}
