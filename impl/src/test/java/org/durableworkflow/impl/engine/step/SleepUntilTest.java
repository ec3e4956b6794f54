package org.durableworkflow.impl.engine.step;

import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.engine.run.SuspendSignal;
import org.durableworkflow.impl.store.StepEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sleepUntil} registers the same sleep as {@code sleep}, with the instant as its deadline. */
class SleepUntilTest {

    private static final long NOW = 1_800_000_000_000L;

    /** Records the deadlines it is asked to sleep to, storing nothing. */
    static final class RecordingWaits extends Waits {
        final List<Long> deadlines = new ArrayList<>();

        @Override
        public SuspendSignal sleep(RunExecution execution, int seq, String stepName, long deadline) {
            deadlines.add(deadline);
            return execution.suspend();
        }
    }

    private final RecordingWaits waits = new RecordingWaits();
    private final WorkflowContextImpl context = new WorkflowContextImpl();

    SleepUntilTest() {
        context.waits = waits;
        context.clock = () -> NOW;
    }

    @AfterEach
    void leaveTheRun() {
        CurrentRun.clear();
    }

    private void executing(StepEntity... journal) {
        CurrentRun.set(new RunExecution("wfr_1", "orders", 1L, List.of(journal)));
    }

    @Test
    void theDeadlineIsTheInstantGiven() {
        executing();
        Instant until = Instant.ofEpochMilli(NOW).plus(Duration.ofDays(3));

        assertThrows(SuspendSignal.class, () -> context.sleepUntil("until", until));

        assertEquals(List.of(until.toEpochMilli()), waits.deadlines);
    }

    @Test
    void anInstantInThePastIsDueAtOnce() {
        executing();

        assertThrows(SuspendSignal.class, () -> context.sleepUntil("past", Instant.ofEpochMilli(NOW - 60_000)));
        executing();
        assertThrows(SuspendSignal.class, () -> context.sleepUntil("long past", Instant.MIN));

        assertEquals(List.of(NOW, NOW), waits.deadlines, "stored as the moment it was reached");
    }

    @Test
    void onReplayTheJournaledSleepReturnsWithoutWaitingAgain() {
        executing(new StepEntity("wfr_1", 1, "until", StepType.SLEEP, StepEntity.TIMED_OUT, null, null, NOW));

        assertDoesNotThrow(() -> context.sleepUntil("until", Instant.ofEpochMilli(NOW + 60_000)));

        assertTrue(waits.deadlines.isEmpty());
    }

    @Test
    void noInstantOrOneTooFarAheadIsRefusedBeforeAnythingIsStored() {
        executing();

        for (Instant until : new Instant[]{null, Instant.MAX, Instant.ofEpochMilli(NOW).plus(Duration.ofDays(36_501))}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> context.sleepUntil("until", until));
            assertTrue(e.getMessage().startsWith("DWF0203"), e.getMessage());
        }
        assertTrue(waits.deadlines.isEmpty());
    }
}
