package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunExecutionTest {

    private final StepEntity prepare = new StepEntity("wfr_1", 1, "prepare", StepType.STEP, StepEntity.COMPLETED,
            "\"ok\"", null, 0);
    private final StepEntity wait = new StepEntity("wfr_1", 2, "wait", StepType.WAIT, StepEntity.TIMED_OUT,
            null, null, 0);
    private final RunExecution execution = new RunExecution("wfr_1", "orders", 1L, List.of(prepare, wait));

    @Test
    void handsOutSequenceNumbersAndAnswersReplaysFromTheJournal() {
        assertEquals(1, execution.nextSeq());
        assertSame(prepare, execution.replay(1, StepType.STEP, "prepare"));
        assertEquals(2, execution.nextSeq());
        assertSame(wait, execution.replay(2, StepType.WAIT, "wait"));
        assertEquals(3, execution.nextSeq());
        assertNull(execution.replay(3, StepType.STEP, "finish"), "nothing journaled yet");
    }

    @Test
    void aRenamedStepIsNondeterminismNamingRunSequenceExpectedAndFound() {
        NonDeterminismException e = assertThrows(NonDeterminismException.class,
                () -> execution.replay(1, StepType.STEP, "prepare order"));

        assertEquals("wfr_1", e.workflowRunId());
        assertEquals(1, e.sequence());
        assertEquals("STEP 'prepare'", e.expected());
        assertEquals("STEP 'prepare order'", e.found());
        assertTrue(e.getMessage().startsWith("DWF0101: run wfr_1"), e.getMessage());
    }

    @Test
    void anotherKindOfCallAtTheSameSequenceIsNondeterminismToo() {
        assertThrows(NonDeterminismException.class, () -> execution.replay(2, StepType.SLEEP, "wait"));
    }

    @Test
    void aSuspendedRunMakesNoFurtherDurableCall() {
        execution.nextSeq();
        SuspendSignal signal = execution.suspend();

        assertTrue(execution.suspended());
        assertTrue(signal.getMessage().contains("wfr_1"));
        assertThrows(SuspendSignal.class, execution::nextSeq);
    }

    @Test
    void nestedStepsBelongToTheOutermostOne() {
        execution.enterStep(4);
        execution.enterStep(9);
        assertEquals(4, execution.currentStepSeq());
        execution.exitStep();
        execution.exitStep();
        assertEquals(0, execution.currentStepSeq());
    }

    @Test
    void aCarriedTransactionCommitsAtTheNextStepWhichHandsTheRunOver() {
        List<String> commits = new ArrayList<>();
        Transactions transactions = new Transactions() { // records the commit instead of asking JTA for it
            @Override
            public void commit() {
                commits.add("commit");
            }
        };
        assertFalse(execution.handsOverBefore(false));
        execution.carryOpenTransaction(false);
        assertTrue(execution.handsOverBefore(false));
        assertTrue(execution.handsOverBefore(true), "a timeout's transaction goes no further than the next step");

        SuspendSignal signal = execution.handOver(transactions);

        assertEquals(List.of("commit"), commits, "the carried transaction commits before the run is handed over");
        assertTrue(execution.handedOver());
        assertTrue(execution.suspended());
        assertTrue(signal.getMessage().contains("wfr_1"));
    }

    /** Records what the execution asks of JTA instead of asking it. */
    private static final class RecordedTransactions extends Transactions {
        final List<String> calls = new ArrayList<>();

        @Override
        public <T> T beginWith(java.util.concurrent.Callable<T> work) throws Exception {
            calls.add("begin");
            return work.call();
        }

        @Override
        public void commit() {
            calls.add("commit");
        }

        @Override
        public void rollbackAny() {
            calls.add("rollback");
        }
    }

    @Test
    void consecutiveTransactionalStepsShareOneTransaction() throws Exception {
        RecordedTransactions transactions = new RecordedTransactions();

        execution.inStepTransaction(transactions, true, () -> "first");
        execution.inStepTransaction(transactions, true, () -> "second");
        execution.inStepTransaction(transactions, false, () -> "sends an email");
        execution.inStepTransaction(transactions, true, () -> "after the email");

        assertEquals(List.of("begin", "commit", "begin", "commit", "begin"), transactions.calls,
                "one transaction for the two transactional steps; the email's commits before the next step runs");
    }

    @Test
    void withoutSharingEveryStepCommitsBeforeTheNext() throws Exception {
        RecordedTransactions transactions = new RecordedTransactions();
        RunExecution unshared = new RunExecution("wfr_1", "orders", 1L, List.of(), false);

        unshared.inStepTransaction(transactions, true, () -> "first");
        unshared.inStepTransaction(transactions, true, () -> "second");

        assertEquals(List.of("begin", "commit", "begin"), transactions.calls);
    }

    @Test
    void aStepThatThrowsInASharedTransactionRollsItBackAndEndsTheExecution() throws Exception {
        RecordedTransactions transactions = new RecordedTransactions();
        execution.inStepTransaction(transactions, true, () -> "first");

        assertThrows(SuspendSignal.class, () -> execution.inStepTransaction(transactions, true, () -> {
            throw new IllegalStateException("the second step fails");
        }));

        assertEquals(List.of("begin", "rollback"), transactions.calls, "the first step's work rolls back too");
        assertTrue(execution.sharedTransactionFailed(), "the run must execute again, without sharing");
        assertThrows(SuspendSignal.class, execution::nextSeq, "no further durable call in this execution");
    }

    @Test
    void aStepAfterATransactionCarriedToTheNextStepDoesNotJoinIt() throws Exception {
        RecordedTransactions transactions = new RecordedTransactions();
        execution.carryOpenTransaction(false);

        execution.inStepTransaction(transactions, true, () -> "first");

        assertEquals(List.of("commit", "begin"), transactions.calls);
    }

    @Test
    void aTransactionCarriedThroughTransactionalStepsIsJoinedByThemAndHandedOverAtAnotherStep() throws Exception {
        RecordedTransactions transactions = new RecordedTransactions();
        execution.carryOpenTransaction(true);

        assertFalse(execution.handsOverBefore(true));
        execution.inStepTransaction(transactions, true, () -> "first");
        execution.inStepTransaction(transactions, true, () -> "second");
        assertTrue(execution.handsOverBefore(false), "a step that is not transactional leaves it to the executor");

        assertEquals(List.of(), transactions.calls, "both ran in the carried transaction, still open");
    }

    @Test
    void aCarriedTransactionThatFailedToCommitIsLostAndTheExecutionsFailureIsNotTheRuns() {
        Transactions refusing = new Transactions() {
            @Override
            public void commit() {
                throw new IllegalStateException("the database went away");
            }
        };
        execution.carryOpenTransaction(true);
        assertFalse(execution.carriedTransactionLost(), "open still");

        assertThrows(IllegalStateException.class, () -> execution.commitStepTransaction(refusing));

        assertTrue(execution.carriedTransactionLost());
    }

    @Test
    void aCarriedTransactionThatCommittedIsNotLost() {
        execution.carryOpenTransaction(true);

        execution.commitStepTransaction(new RecordedTransactions());

        assertFalse(execution.carriedTransactionLost());
    }

    /** Records rollbacks instead of asking JTA for them. */
    private static Transactions recordingRollbacks(List<String> rollbacks) {
        return new Transactions() {
            @Override
            public void rollbackAny() {
                rollbacks.add("rollback");
            }
        };
    }

    /** An execution begun before the deadline of the wait at sequence 2, which records when it takes the timeout. */
    private RunExecution timingOutTheWait(List<String> settled) {
        RunExecution early = new RunExecution("wfr_1", "orders", 1L, List.of(prepare));
        early.timeOutOnReaching(new DueTimeout(2, () -> {
            settled.add("at the deadline");
            return wait;
        }), recordingRollbacks(new ArrayList<>()));
        return early;
    }

    @Test
    void anExecutionBegunBeforeATimeoutTakesItWhenItReachesTheWait() {
        List<String> settled = new ArrayList<>();
        RunExecution early = timingOutTheWait(settled);

        assertSame(prepare, early.replay(1, StepType.STEP, "prepare"));
        assertEquals(List.of(), settled, "steps before the wait replay before the deadline");
        assertSame(wait, early.replay(2, StepType.WAIT, "wait"));
        assertEquals(List.of("at the deadline"), settled);
        assertNull(early.replay(3, StepType.STEP, "cancel"), "the timeout branch runs as new work");
        assertEquals(1, settled.size(), "taken once");
    }

    @Test
    void aTimeoutThatANotifyBeatStopsTheExecutionAndRollsItBack() {
        RunExecution early = new RunExecution("wfr_1", "orders", 1L, List.of(prepare));
        List<String> rollbacks = new ArrayList<>();
        early.timeOutOnReaching(new DueTimeout(2, () -> null), recordingRollbacks(rollbacks));

        assertThrows(SuspendSignal.class, () -> early.replay(2, StepType.WAIT, "wait"));
        assertTrue(early.stopped(), "ends without failing the run");
        assertEquals(List.of("rollback"), rollbacks);
    }

    @Test
    void aTimeoutWhoseSettlingFailsStopsTheExecutionForItsCallerToTimeItOutAlone() {
        RunExecution early = new RunExecution("wfr_1", "orders", 1L, List.of(prepare));
        early.timeOutOnReaching(new DueTimeout(2, () -> {
            throw new IllegalStateException("the database is away");
        }), recordingRollbacks(new ArrayList<>()));

        assertThrows(SuspendSignal.class, () -> early.replay(2, StepType.WAIT, "wait"));
        assertTrue(early.stopped());
    }

    @Test
    void anotherCallWhereTheWaitWasTakesTheTimeoutFirstThenIsNondeterminism() {
        List<String> settled = new ArrayList<>();
        RunExecution early = timingOutTheWait(settled);

        assertThrows(NonDeterminismException.class, () -> early.replay(2, StepType.STEP, "charge"));
        assertEquals(List.of("at the deadline"), settled, "never new work at the wait's place before its deadline");
    }

    @Test
    void anExecutionThatEndsBeforeReachingTheWaitTakesTheTimeoutAsItEnds() {
        List<String> settled = new ArrayList<>();
        RunExecution early = timingOutTheWait(settled);

        early.takeDueTimeout();
        early.takeDueTimeout();
        assertEquals(List.of("at the deadline"), settled);
        assertSame(wait, early.replay(2, StepType.WAIT, "wait"), "its outcome is in the journal");
    }

    @Test
    void noNewWorkBeginsBeforeTheDeadlineOfTheWaitItTimesOut() {
        RunExecution early = new RunExecution("wfr_1", "orders", 1L, List.of(prepare));
        List<String> settled = new ArrayList<>();
        early.timeOutOnReaching(new DueTimeout(5, () -> {
            settled.add("at the deadline");
            return new StepEntity("wfr_1", 5, "wait", StepType.WAIT, StepEntity.TIMED_OUT, null, null, 0);
        }), recordingRollbacks(new ArrayList<>()));

        assertNull(early.replay(2, StepType.STEP, "not journaled"), "new work, which may now begin");
        assertEquals(List.of("at the deadline"), settled, "the timeout was taken first");
    }
}
