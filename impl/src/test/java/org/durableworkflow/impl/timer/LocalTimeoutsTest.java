package org.durableworkflow.impl.timer;

import org.durableworkflow.impl.time.Clock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalTimeoutsTest {

    private static final long DEADLINE = 1_700_000_005_000L;

    /** A clock at {@code nanos} epoch nanos, whose millis are truncated as the system's are. */
    private static Clock at(long nanos) {
        return new Clock() {
            @Override
            public long millis() {
                return nanos / 1_000_000;
            }

            @Override
            public long nanos() {
                return nanos;
            }
        };
    }

    @Test
    void aTimeoutWaitsOutTheFractionOfAMillisecondLeftNotAWholeOne() {
        long threeTenthsBefore = DEADLINE * 1_000_000 - 300_000;

        assertEquals(300_000, LocalTimeouts.nanosUntil(DEADLINE, at(threeTenthsBefore)));
    }

    @Test
    void aTimeoutIsDueFromItsDeadlineOn() {
        assertEquals(0, LocalTimeouts.nanosUntil(DEADLINE, at(DEADLINE * 1_000_000)));
        assertTrue(LocalTimeouts.nanosUntil(DEADLINE, at(DEADLINE * 1_000_000 + 1)) < 0);
    }

    @Test
    void theSystemClockTellsNanosWithinItsMillis() {
        long before = Clock.SYSTEM.millis();
        long nanos = Clock.SYSTEM.nanos();
        long after = Clock.SYSTEM.millis();

        assertTrue(nanos / 1_000_000 >= before && nanos / 1_000_000 <= after, before + " " + nanos + " " + after);
    }
}
