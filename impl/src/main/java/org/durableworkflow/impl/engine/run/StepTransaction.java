package org.durableworkflow.impl.engine.run;

import org.durableworkflow.impl.store.Transactions;

import java.util.concurrent.Callable;

/**
 * The transaction an execution's last step left open on its thread, which commits with the next durable call, and
 * what became of it: whether transactional steps share it, whether it was carried from what made the run runnable,
 * whether it failed or was handed over. See {@link RunExecution} for each operation.
 */
final class StepTransaction {

    private final ReplayCursor cursor;
    private final boolean sharesTransactions;
    private boolean open;
    private boolean redoable;
    private boolean sharedFailed;
    private boolean handsOverAtNextStep;
    private boolean handedOver;
    private boolean carriedUncommitted;
    private boolean journaledSteps;
    private boolean endedInOpenTransaction;
    private boolean stopped;

    StepTransaction(ReplayCursor cursor, boolean sharesTransactions) {
        this.cursor = cursor;
        this.sharesTransactions = sharesTransactions;
    }

    <T> T inStep(Transactions transactions, boolean transactional, Callable<T> work) throws Exception {
        if (joinsOpen(transactional)) {
            try {
                T result = work.call();
                journaledSteps = true;
                return result;
            } catch (SuspendSignal stopped) {
                throw stopped; // the run stopped (see stop): not a failure to redo without sharing
            } catch (Exception | Error failed) {
                open = false;
                transactions.rollbackAny();
                sharedFailed = true;
                throw cursor.suspend();
            }
        }
        commit(transactions);
        T result;
        try {
            result = transactions.beginWith(work);
        } catch (Exception | Error failed) {
            endedInOpenTransaction = false; // a cancel of its own that the step made rolled back with it
            throw failed;
        }
        journaledSteps = true;
        open = true;
        redoable = transactional;
        return result;
    }

    boolean sharedFailed() {
        return sharedFailed;
    }

    <T> T commitWith(Transactions transactions, Callable<T> work) throws Exception {
        if (open) {
            open = false;
            T result = transactions.commitAfter(work);
            carriedUncommitted = false;
            endedInOpenTransaction = false;
            return result;
        }
        T result = transactions.requiresNew(work);
        endedInOpenTransaction = false;
        return result;
    }

    /** Whether a step joins the open transaction rather than committing it first. */
    private boolean joinsOpen(boolean transactional) {
        return transactional && sharesTransactions && open && redoable;
    }

    void carry(boolean throughTransactionalSteps) {
        open = true;
        carriedUncommitted = true;
        redoable = throughTransactionalSteps;
        handsOverAtNextStep = true;
    }

    boolean carriedLost() {
        return carriedUncommitted && !open;
    }

    boolean handsOverBefore(boolean transactional) {
        return handsOverAtNextStep && !joinsOpen(transactional);
    }

    SuspendSignal handOver(Transactions transactions) {
        commit(transactions);
        handedOver = true;
        return cursor.suspend();
    }

    boolean handedOver() {
        return handedOver;
    }

    boolean journaledSteps() {
        return journaledSteps;
    }

    void commit(Transactions transactions) {
        if (open) {
            open = false;
            transactions.commit();
            carriedUncommitted = false;
            endedInOpenTransaction = false;
        }
    }

    SuspendSignal stop(Transactions transactions) {
        open = false;
        stopped = true;
        if (endedInOpenTransaction) {
            transactions.commit(); // the run's own code cancelled it in this transaction: that stands
            carriedUncommitted = false;
        } else {
            transactions.rollbackAny();
        }
        return cursor.suspend();
    }

    boolean stopped() {
        return stopped;
    }

    void markEndedInOpenTransaction() {
        endedInOpenTransaction = true;
    }
}
