package org.durableworkflow.impl.engine.execute;

import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.Transactions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class ExecutionsTest {

    /** Transactions on a database that is away: every one fails as it begins. */
    public static class DatabaseAway extends Transactions {
        @Override
        public <T> T required(Supplier<T> work) {
            throw new StorageUnavailableException("DWF0600: the database is away", null);
        }
    }

    @Test
    void anExecutionThatTheDatabaseBrokeOffLeavesTheRunFreeToExecuteAgain() {
        Executions executions = new Executions();
        executions.transactions = new DatabaseAway();

        assertThrows(StorageUnavailableException.class, () -> executions.executeWhileRequested("wfr_a", null));

        assertFalse(executions.isExecuting("wfr_a"), "still marked executing, it would never execute here again,"
                + " and the recovery sweep would renew its lease for good");
    }

    @Test
    void aSnapshotWhoseLeaseRanOutWhileItWaitedIsReadAgainNotTrusted() {
        Executions executions = new Executions();
        executions.transactions = new DatabaseAway(); // the read again is what reaches the database
        executions.clock = () -> 10_000;
        RunEntity run = new RunEntity("wfr_b", "order", null, 0, "server-a", 9_999, null);

        assertThrows(StorageUnavailableException.class,
                () -> executions.executeWhileRequested("wfr_b", new RunSnapshot(run, List.of())));
    }
}
