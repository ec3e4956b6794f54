package org.durableworkflow.impl.health;

import org.junit.jupiter.api.Test;

import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthVerdictsTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final HealthVerdicts verdicts = new HealthVerdicts(now::get);

    @Test
    void liveUntilNoSweepEndedForFiveIntervals() {
        long sweepEnded = now.get();
        assertTrue(verdicts.liveness(sweepEnded, INTERVAL).up());
        now.addAndGet(50_000);
        Verdict atTheLimit = verdicts.liveness(sweepEnded, INTERVAL);
        assertTrue(atTheLimit.up());
        assertEquals(50L, atTheLimit.data().get("last-sweep-seconds-ago"));
        now.addAndGet(1);
        Verdict wedged = verdicts.liveness(sweepEnded, INTERVAL);
        assertFalse(wedged.up());
        assertTrue(wedged.data().get("reason").toString().startsWith("DWF0735: no recovery sweep ended for 50s"),
                wedged.data().toString());
    }

    @Test
    void liveBeforeTheApplicationStarted() {
        Verdict early = verdicts.liveness(0, INTERVAL);
        assertTrue(early.up());
        assertEquals("not started", early.data().get("recovery"));
    }

    @Test
    void readyWithTheQueueAndTheAgeOfTheOldestRunnableRun() {
        Verdict ready = verdicts.readiness(true, 3, 5, () -> now.get() - 42_500);
        assertTrue(ready.up());
        assertEquals(3L, ready.data().get("executions-queued"));
        assertEquals(5L, ready.data().get("runs-held"));
        assertEquals(42L, ready.data().get("oldest-runnable-seconds"));
        assertFalse(ready.data().containsKey("reason"));
        assertEquals(0L, verdicts.readiness(true, 0, 0, () -> null).data().get("oldest-runnable-seconds"));
    }

    @Test
    void notReadyWhileTheDatabaseDoesNotAnswerWithItsReason() {
        Verdict down = verdicts.readiness(true, 0, 0, () -> {
            throw new SQLTimeoutException("canceling statement due to user request");
        });
        assertFalse(down.up());
        assertEquals("DWF0733: the database did not answer within 2s: canceling statement due to user request",
                down.data().get("reason"));
        assertTrue(verdicts.readiness(true, 0, 0, () -> null).up(), "ready again once it answers");
    }

    @Test
    void notReadyOnceStoppingWithoutAskingTheDatabase() {
        Verdict stopping = verdicts.readiness(false, 0, 2, () -> {
            throw new AssertionError("the database is not asked once the application stops");
        });
        assertFalse(stopping.up());
        assertTrue(stopping.data().get("reason").toString().startsWith("DWF0734"));
        assertEquals(2L, stopping.data().get("runs-held"));
    }
}
