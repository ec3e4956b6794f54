package org.durableworkflow.impl.engine;

import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One execution of a run's workflow method on one thread: hands out sequence numbers and answers replays from the
 * journal loaded when the execution began, and from the outcome of a wait whose timeout it took ({@link DueTimeout}).
 */
public final class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    private final String runId;
    private final long createdAt;
    private final String workflowName;
    private final Map<Integer, StepEntity> journal;
    private int lastSeq;
    private int stepDepth;
    private int currentStepSeq;
    private boolean suspended;
    private boolean stepTransactionOpen;
    private final boolean sharesTransactions;
    private boolean openTransactionRedoable;
    private boolean sharedTransactionFailed;
    private boolean handsOverAtNextStep;
    private boolean handedOver;
    private boolean carriedUncommitted;
    private boolean journaledSteps;
    private boolean endedInOpenTransaction;
    private boolean stopped;
    private DueTimeout dueTimeout;
    private Transactions dueTimeoutTransactions;

    public RunExecution(String runId, String workflowName, long createdAt, List<StepEntity> journal) {
        this(runId, workflowName, createdAt, journal, true);
    }

    /**
     * @param createdAt          when the run was created: with its id, what tells it from a later run started with
     *                           the same id once this one was deleted ({@code runs.retention})
     * @param sharesTransactions whether consecutive transactional steps share a transaction; {@code false} when the
     *                           run executes again after such a transaction failed
     */
    RunExecution(String runId, String workflowName, long createdAt, List<StepEntity> journal,
                 boolean sharesTransactions) {
        this.sharesTransactions = sharesTransactions;
        this.runId = runId;
        this.createdAt = createdAt;
        this.workflowName = workflowName;
        this.journal = new HashMap<>(journal.size() * 2); // a loop: the stream cost more, on every execution
        for (StepEntity step : journal) {
            if (this.journal.put(step.seq(), step) != null) {
                throw new IllegalStateException("two journal rows at sequence " + step.seq() + " of run " + runId);
            }
        }
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
    <T> T inStepTransaction(Transactions transactions, boolean transactional, Callable<T> work) throws Exception {
        if (joinsOpenTransaction(transactional)) {
            try {
                T result = work.call();
                journaledSteps = true;
                return result;
            } catch (SuspendSignal stopped) {
                throw stopped; // the run stopped (see stop): not a failure to redo without sharing
            } catch (Exception | Error failed) {
                stepTransactionOpen = false;
                transactions.rollbackAny();
                sharedTransactionFailed = true;
                throw suspend();
            }
        }
        commitStepTransaction(transactions);
        T result;
        try {
            result = transactions.beginWith(work);
        } catch (Exception | Error failed) {
            endedInOpenTransaction = false; // a cancel of its own that the step made rolled back with it
            throw failed;
        }
        journaledSteps = true;
        stepTransactionOpen = true;
        openTransactionRedoable = transactional;
        return result;
    }

    /** Whether a shared transaction of transactional steps failed: the run must execute again without sharing. */
    boolean sharedTransactionFailed() {
        return sharedTransactionFailed;
    }

    /** Runs {@code work} in the transaction the last step left open, or in a new one, and commits. */
    <T> T commitWith(Transactions transactions, Callable<T> work) throws Exception {
        if (stepTransactionOpen) {
            stepTransactionOpen = false;
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
    private boolean joinsOpenTransaction(boolean transactional) {
        return transactional && sharesTransactions && stepTransactionOpen && openTransactionRedoable;
    }

    /**
     * Carries the transaction open on this thread, which made the run runnable (a start's, a notify's, a
     * timeout's), as a step's: the execution's next durable call commits with it. Its next new step first commits
     * it and hands the run over ({@link #handOver}), so that steps run on the executor, not on the caller's thread;
     * with {@code throughTransactionalSteps}, only a step that is not transactional does, and transactional steps
     * join it: then the caller's work must be redone if the transaction fails ({@link #sharedTransactionFailed}).
     */
    void carryOpenTransaction(boolean throughTransactionalSteps) {
        stepTransactionOpen = true;
        carriedUncommitted = true;
        openTransactionRedoable = throughTransactionalSteps;
        handsOverAtNextStep = true;
    }

    /**
     * Whether the transaction this execution carried never committed: it rolled back with what made the run
     * runnable (the run waits again, or was never started), so the execution's failure is not the run's.
     */
    boolean carriedTransactionLost() {
        return carriedUncommitted && !stepTransactionOpen;
    }

    /** Whether a new step, {@code transactional} or not, must first {@link #handOver} the run. */
    boolean handsOverBefore(boolean transactional) {
        return handsOverAtNextStep && !joinsOpenTransaction(transactional);
    }

    /** Commits the carried transaction and ends this execution: the executor executes the run again from there. */
    SuspendSignal handOver(Transactions transactions) {
        commitStepTransaction(transactions);
        handedOver = true;
        return suspend();
    }

    boolean handedOver() {
        return handedOver;
    }

    /** Whether this execution ran and journaled a step. */
    boolean journaledSteps() {
        return journaledSteps;
    }

    /** Commits the transaction the last step left open, if any. */
    void commitStepTransaction(Transactions transactions) {
        if (stepTransactionOpen) {
            stepTransactionOpen = false;
            transactions.commit();
            carriedUncommitted = false;
            endedInOpenTransaction = false;
        }
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
        if (suspended) {
            throw new SuspendSignal(runId);
        }
        return ++lastSeq;
    }

    /** The sequence number the next durable call will get. */
    public int peekSeq() {
        return lastSeq + 1;
    }

    /**
     * The journaled outcome of durable call {@code seq}, or {@code null} when it has none yet.
     *
     * @throws NonDeterminismException when the journal holds another kind or name of call at {@code seq}
     */
    public StepEntity replay(int seq, StepType type, String name) {
        if (dueTimeout != null && (seq >= dueTimeout.seq() || !journal.containsKey(seq))) {
            // the wait it times out, another call there that the outcome then disagrees with, or new work: none
            // happens before the deadline
            takeDueTimeout();
        }
        StepEntity entry = journal.get(seq);
        if (entry != null && (entry.type() != type || !entry.name().equals(name))) {
            throw new NonDeterminismException(runId, seq, describe(entry.type(), entry.name()), describe(type, name));
        }
        return entry;
    }

    private static String describe(StepType type, String name) {
        return type + " '" + name + "'";
    }

    /**
     * Ends this execution because its run is no longer RUNNING: it was cancelled (or failed) while a step ran. Rolls
     * back the transaction open on this thread, the step's own and that of the transactional steps that shared it
     * (commits it instead when the run's own code cancelled the run in it), and returns the signal that unwinds the
     * workflow method, as a suspension does.
     */
    SuspendSignal stop(Transactions transactions) {
        stepTransactionOpen = false;
        stopped = true;
        if (endedInOpenTransaction) {
            transactions.commit(); // the run's own code cancelled it in this transaction: that stands
            carriedUncommitted = false;
        } else {
            transactions.rollbackAny();
        }
        return suspend();
    }

    /**
     * Has this execution, begun before the deadline of the run's wait, take that wait's timeout when it reaches it
     * ({@link #replay}), or when it ends before ({@link #takeDueTimeout}).
     */
    void timeOutOnReaching(DueTimeout timeout, Transactions transactions) {
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
    void takeDueTimeout() {
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
        journal.put(outcome.seq(), outcome);
    }

    /** Whether this execution {@link #stop}ped: its run was ended, so the execution ends without failing it. */
    boolean stopped() {
        return stopped;
    }

    /**
     * Tells that the run's own code (a step, say) cancelled or failed the run in the transaction open on this thread:
     * when the execution then {@link #stop}s, it commits that transaction rather than rolling the cancel back.
     */
    void markEndedInOpenTransaction() {
        endedInOpenTransaction = true;
    }

    /** Marks the run suspended and returns the signal that unwinds the workflow method. */
    public SuspendSignal suspend() {
        suspended = true;
        return new SuspendSignal(runId);
    }

    public boolean suspended() {
        return suspended;
    }

    public boolean inStep() {
        return stepDepth > 0;
    }

    /** The sequence number of the outermost step running now; {@code 0} outside steps. */
    public int currentStepSeq() {
        return stepDepth > 0 ? currentStepSeq : 0;
    }

    public void enterStep(int seq) {
        if (stepDepth++ == 0) {
            currentStepSeq = seq;
        }
    }

    public void exitStep() {
        stepDepth--;
    }
}
