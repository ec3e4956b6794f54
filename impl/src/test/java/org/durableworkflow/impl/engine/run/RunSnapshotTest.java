package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.StepType;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.StepEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which executions resume a run from a notified wait, for the notify-to-resumed metric. */
class RunSnapshotTest {

    private final RunEntity run = new RunEntity("wfr_1", "order", null, 0, "server-a", 9_999, null);
    private final StepEntity step = new StepEntity("wfr_1", 1, "prepare", StepType.STEP, StepEntity.COMPLETED,
            "1", null, 1_000);
    private final StepEntity notified = new StepEntity("wfr_1", 2, "wait", StepType.WAIT, StepEntity.NOTIFIED,
            "{}", null, 2_000);
    private final StepEntity timedOut = new StepEntity("wfr_1", 2, "wait", StepType.WAIT, StepEntity.TIMED_OUT,
            null, null, 2_000);

    @Test
    void aRunWhoseLastRowIsANotifiedWaitResumesFromItsNotify() {
        assertEquals(2_000, new RunSnapshot(run, List.of(step, notified)).notifiedAt());
    }

    @Test
    void aStartATimeoutOrARunPastItsWaitDoesNot() {
        assertEquals(-1, new RunSnapshot(run, List.of()).notifiedAt());
        assertEquals(-1, new RunSnapshot(run, List.of(step, timedOut)).notifiedAt());
        assertEquals(-1, new RunSnapshot(run, List.of(notified, new StepEntity("wfr_1", 3, "ship", StepType.STEP,
                StepEntity.COMPLETED, "1", null, 3_000))).notifiedAt());
    }

    @Test
    void aTimeoutTakenOnReachingTheNextWaitDoesNotEither() {
        assertEquals(-1, new RunSnapshot(run, List.of(step, notified), new DueTimeout(3, () -> null)).notifiedAt());
    }
}
