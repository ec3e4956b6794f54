package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One execution of a run's workflow method on one thread: its place in the journal ({@link ReplayCursor}), the
 * transaction its steps leave open ({@link StepTransaction}), the step it is in, and the outcome of a wait whose
 * timeout it takes ({@link DueTimeout}).
 */
public final class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    private final String runId;
    private final long createdAt;
    private final String workflowName;
    private final ReplayCursor cursor;
    private final StepTransaction transaction;
    private final StepNesting nesting = new StepNesting();
    private DueTimeout dueTimeout;
    private Transactions dueTimeoutTransactions;

    public RunExecution(String runId, String workflowName, long createdAt, List<StepEntity> journal) {
        this(runId, workflowName, createdAt, journal, true);
    }

    /**
     * @param createdAt          with the id, what tells the run from a later one of the same id ({@code runs.retention})
     * @param sharesTransactions whether consecutive transactional steps share a transaction; not after one failed
     */
    public RunExecution(String runId, String workflowName, long createdAt, List<StepEntity> journal,
                        boolean sharesTransactions) {
        this.runId = runId;
        this.createdAt = createdAt;
        this.workflowName = workflowName;
        this.cursor = new ReplayCursor(runId, journal);
        this.transaction = new StepTransaction(cursor, sharesTransactions);
    }

    public String runId() {
        return runId;
    }

    /** When the run was created; with {@link #runId()}, the run's identity. */
    public long createdAt() {
        return createdAt;
    }

    public String workflowName() {
        return workflowName;
    }

    /** The next durable call's sequence number; a run that suspended already makes no further durable call. */
    public int nextSeq() {
        return cursor.nextSeq();
    }

    /** Continues after sequence {@code seq}: a failure handler's calls follow its marker. */
    public void skipTo(int seq) {
        cursor.skipTo(seq);
    }

    /** The sequence number the next durable call will get. */
    public int peekSeq() {
        return cursor.peekSeq();
    }

    /** The journaled outcome of call {@code seq}, or {@code null}; {@link NonDeterminismException} on a mismatch. */
    public StepEntity replay(int seq, StepType type, String name) {
        takeDueTimeoutBefore(seq);
        return cursor.replay(seq, type, name);
    }

    /** The next durable call's journal entry, its sequence not taken; {@code null}: new work ({@link #replay}). */
    public StepEntity peekJournaled() {
        takeDueTimeoutBefore(cursor.peekSeq());
        return cursor.entryAt(cursor.peekSeq());
    }

    /** Takes the due timeout before call {@code seq}, its wait or new work: none happens before the deadline. */
    private void takeDueTimeoutBefore(int seq) {
        if (dueTimeout != null && (seq >= dueTimeout.seq() || !cursor.journaled(seq))) {
            takeDueTimeout();
        }
    }

    /** Marks the run suspended and returns the signal that unwinds the workflow method. */
    public SuspendSignal suspend() {
        return cursor.suspend();
    }

    public boolean suspended() {
        return cursor.suspended();
    }

    /**
     * Runs a step's work in a new transaction left open when it returns: it commits with the execution's next
     * durable call (a wait, a notify, the completion), which saves a commit, or just before the next step begins.
     * The step's effects and journal row still commit or roll back together; only the code of the workflow method
     * between the step and that call runs inside the transaction too.
     *
     * <p>A {@code transactional} step joins the transaction left open by transactional steps before it instead of
     * committing it first. If it throws, that transaction rolls back with those steps, and the execution ends by a
     * {@link SuspendSignal}: {@link #sharedTransactionFailed} tells that the run must execute again from its last
     * commit, this time without sharing.
     */
    public <T> T inStepTransaction(Transactions transactions, boolean transactional, Callable<T> work)
            throws Exception {
        return transaction.inStep(transactions, transactional, work);
    }

    /** Whether a shared transaction of transactional steps failed: the run must execute again without sharing. */
    public boolean sharedTransactionFailed() {
        return transaction.sharedFailed();
    }

    /** Runs {@code work} in the transaction the last step left open, or in a new one, and commits. */
    public <T> T commitWith(Transactions transactions, Callable<T> work) throws Exception {
        return transaction.commitWith(transactions, work);
    }

    /**
     * Carries the transaction open on this thread, which made the run runnable (a start's, a notify's, a
     * timeout's), as a step's: the execution's next durable call commits with it. Its next new step first commits
     * it and hands the run over ({@link #handOver}), so that steps run on the executor, not on the caller's thread;
     * with {@code throughTransactionalSteps}, only a step that is not transactional does, and transactional steps
     * join it: then the caller's work must be redone if the transaction fails ({@link #sharedTransactionFailed}).
     */
    public void carryOpenTransaction(boolean throughTransactionalSteps) {
        transaction.carry(throughTransactionalSteps);
    }

    /**
     * Whether the transaction this execution carried never committed: it rolled back with what made the run
     * runnable (the run waits again, or was never started), so the execution's failure is not the run's.
     */
    public boolean carriedTransactionLost() {
        return transaction.carriedLost();
    }

    /** Whether a new step, {@code transactional} or not, must first {@link #handOver} the run. */
    public boolean handsOverBefore(boolean transactional) {
        return transaction.handsOverBefore(transactional);
    }

    /** Commits the carried transaction and ends this execution: the executor executes the run again from there. */
    public SuspendSignal handOver(Transactions transactions) {
        return transaction.handOver(transactions);
    }

    public boolean handedOver() {
        return transaction.handedOver();
    }

    /** Whether this execution ran and journaled a step. */
    public boolean journaledSteps() {
        return transaction.journaledSteps();
    }

    /** Commits the transaction the last step left open, if any. */
    public void commitStepTransaction(Transactions transactions) {
        transaction.commit(transactions);
    }

    /**
     * Ends this execution because its run is no longer RUNNING: it was cancelled (or failed) while a step ran. Rolls
     * back the transaction open on this thread, the step's own and that of the transactional steps that shared it
     * (commits it instead when the run's own code cancelled the run in it), and returns the signal that unwinds the
     * workflow method, as a suspension does.
     */
    public SuspendSignal stop(Transactions transactions) {
        return transaction.stop(transactions);
    }

    /** Whether this execution {@link #stop}ped: its run was ended, so the execution ends without failing it. */
    public boolean stopped() {
        return transaction.stopped();
    }

    /**
     * Tells that the run's own code (a step, say) cancelled or failed the run in the transaction open on this thread:
     * when the execution then {@link #stop}s, it commits that transaction rather than rolling the cancel back.
     */
    public void markEndedInOpenTransaction() {
        transaction.markEndedInOpenTransaction();
    }

    /**
     * Has this execution, begun before the deadline of the run's wait, take that wait's timeout when it reaches it
     * ({@link #replay}), or when it ends before ({@link #takeDueTimeout}).
     */
    public void timeOutOnReaching(DueTimeout timeout, Transactions transactions) {
        this.dueTimeout = timeout;
        this.dueTimeoutTransactions = transactions;
    }

    /**
     * Takes the due timeout now, if there is one not taken yet: waits until its deadline, settles the waiter and adds
     * the wait's outcome to the journal. An execution ends this way before it ends the run, so that a run whose
     * workflow ended before reaching its wait (or broke) is completed or failed only once its waiter timed out.
     *
     * @throws SuspendSignal when the waiter was settled already (a notify came first) or the settling failed (a
     *                       conflict, the database away): the execution {@link #stop}s, its transaction rolled back,
     *                       and its caller times the waiter out again, alone
     */
    public void takeDueTimeout() {
        DueTimeout due = dueTimeout;
        if (due == null) {
            return;
        }
        dueTimeout = null;
        StepEntity outcome;
        try {
            outcome = due.settle().get();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "run " + runId + ": its wait's timeout failed; it is tried again alone", e);
            throw stop(dueTimeoutTransactions);
        }
        if (outcome == null) {
            throw stop(dueTimeoutTransactions);
        }
        cursor.add(outcome);
    }

    public boolean inStep() {
        return nesting.inStep();
    }

    /** The sequence number of the outermost step running now; {@code 0} outside steps. */
    public int currentStepSeq() {
        return nesting.currentStepSeq();
    }

    public void enterStep(int seq) {
        nesting.enter(seq);
    }

    public void exitStep() {
        nesting.exit();
    }
}
