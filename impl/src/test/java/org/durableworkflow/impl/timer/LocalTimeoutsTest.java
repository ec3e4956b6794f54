package org.durableworkflow.impl.timer;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.durableworkflow.impl.time.Clock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

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
    void aFewTimeoutsDueInTheSameMillisecondEachHaveATaskOfTheirOwnManyShareOne() {
        List<List<Long>> tasks = new ArrayList<>();
        LocalTimeouts local = new LocalTimeouts();
        local.clock = at(DEADLINE * 1_000_000 - 2_000_000_000L);
        local.timeout = (waiterIds, deadline) -> tasks.add(waiterIds);
        local.scheduler = schedulerRunningAtOnce();

        local.timeOutAt(List.of(1L, 2L), DEADLINE);
        assertEquals(List.of(List.of(1L), List.of(2L)), tasks,
                "one task for both: the second's run waits for the first's and is queued, a few ms late");

        tasks.clear();
        List<Long> many = LongStream.rangeClosed(1, LocalTimeouts.APART_UP_TO + 1).boxed().toList();
        local.timeOutAt(many, DEADLINE);
        assertEquals(List.of(many), tasks);
    }

    /** A scheduler that runs what it is given at once, whatever the delay. */
    private static ManagedScheduledExecutorService schedulerRunningAtOnce() {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(LocalTimeoutsTest.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("schedule") || !(args[0] instanceof Runnable task)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    task.run();
                    return null;
                });
    }

    @Test
    void theSystemClockTellsNanosWithinItsMillis() {
        long before = Clock.SYSTEM.millis();
        long nanos = Clock.SYSTEM.nanos();
        long after = Clock.SYSTEM.millis();

        assertTrue(nanos / 1_000_000 >= before && nanos / 1_000_000 <= after, before + " " + nanos + " " + after);
    }
}
