package org.durableworkflow.impl.timer;

import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.store.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which waits arm a window's persistent timer, and which are timed out from memory; no server, a fake clock. */
class DeadlineWindowsTest {

    private static final long NOW = 1_700_000_000_000L;

    private final Set<Long> claimedRows = new HashSet<>();
    private final List<String> timersArmed = new ArrayList<>();
    private final List<String> inMemory = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final DeadlineWindows windows = new DeadlineWindows();

    @BeforeEach
    void wire() {
        windows.clock = () -> NOW;
        windows.config = new WorkflowConfig(key -> Optional.empty());
        windows.store = new WindowStore() {
            @Override
            public boolean claim(long start) {
                return claimedRows.add(start);
            }

            @Override
            public List<Due> waitingDue(long from, long to) {
                return List.of(new Due(7, from + 10), new Due(8, to - 1), new Due(9, from + 10));
            }

            @Override
            public int releaseBefore(long before) {
                claimedRows.removeIf(start -> start < before);
                return 0;
            }
        };
        windows.timers = new TimerGateway() {
            @Override
            public void armWindow(long start, long end, long firesAt) {
                timersArmed.add(start + ".." + end + " at " + firesAt);
            }
        };
        windows.local = new LocalTimeouts() {
            @Override
            public void timeOutAt(List<Long> waiterIds, long deadline) {
                inMemory.add(waiterIds + "@" + deadline);
            }
        };
        windows.transactions = new Transactions() {
            @Override
            public void afterCommit(Runnable action) {
                afterCommit.add(action);
            }
        };
    }

    private void commit() {
        List<Runnable> actions = new ArrayList<>(afterCommit);
        afterCommit.clear();
        actions.forEach(Runnable::run);
    }

    @Test
    void waitsDueInTheSameSecondShareOneTimerFiringASecondAhead() {
        long deadline = NOW + 600_000 + 250;
        windows.arm(1, deadline);
        commit();
        windows.arm(2, deadline + 500);
        commit();
        windows.arm(3, deadline + 800);
        commit();

        long start = NOW + 600_000;
        assertEquals(List.of(start + ".." + (start + 1000) + " at " + (start - 1000), (start + 1000) + ".."
                + (start + 2000) + " at " + start), timersArmed, "one timer per second of deadlines");
        assertEquals(List.of(), inMemory, "nothing held in memory for a deadline ten minutes away");
    }

    @Test
    void aWindowAnotherServerArmedIsNotArmedAgain() {
        long deadline = NOW + 60_000;
        claimedRows.add(deadline);

        windows.arm(1, deadline);
        commit();
        windows.arm(2, deadline + 1);

        assertEquals(List.of(), timersArmed);
    }

    @Test
    void aWindowArmedByATransactionThatRolledBackIsArmedByTheNextWait() {
        long deadline = NOW + 60_000;
        windows.arm(1, deadline);
        afterCommit.clear(); // rolled back: the row and the timer are gone too
        claimedRows.clear();

        windows.arm(2, deadline);
        commit();

        assertEquals(2, timersArmed.size());
    }

    @Test
    void aWaitDueWithinThreeSecondsIsTimedOutFromMemoryOnly() {
        windows.arm(1, NOW + 2_000);
        windows.arm(2, NOW + 2_999);
        commit();

        assertEquals(List.of(), timersArmed, "its window's timer would fire too late to see it");
        assertEquals(List.of("[1]@" + (NOW + 2_000), "[2]@" + (NOW + 2_999)), inMemory);
    }

    @Test
    void aFiredWindowHandsItsWaitersToMemoryAfterItsCommitOneTaskPerDeadline() {
        windows.fired(NOW, NOW + 1000);
        assertEquals(List.of(), inMemory, "not before the timer's transaction commits");

        commit();

        assertEquals(List.of("[7, 9]@" + (NOW + 10), "[8]@" + (NOW + 999)), inMemory);
    }
}
