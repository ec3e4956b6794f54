package org.durableworkflow.impl.timer;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.waiter.WaiterOutcomes;
import org.durableworkflow.impl.time.Clock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @Test
    void atMostAFewTimeoutsHoldAConnectionWhileTheyWaitForTheirDeadline() throws Exception {
        CountDownLatch holding = new CountDownLatch(LocalTimeouts.EARLY_CONNECTIONS);
        CountDownLatch deadlineCome = new CountDownLatch(1);
        Map<Long, Boolean> connectionFirst = new ConcurrentHashMap<>();
        LocalTimeouts local = dueNow((waiterId, first, untilDue) -> {
            connectionFirst.put(waiterId, first);
            if (waiterId <= LocalTimeouts.EARLY_CONNECTIONS) { // its connection taken, its deadline still to come
                holding.countDown();
                deadlineCome.await();
            }
            untilDue.run();
        });
        ExecutorService threads = Executors.newFixedThreadPool(LocalTimeouts.EARLY_CONNECTIONS);
        try {
            for (long waiterId = 1; waiterId <= LocalTimeouts.EARLY_CONNECTIONS; waiterId++) {
                long id = waiterId;
                threads.execute(() -> local.timeOutAt(id, DEADLINE));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            local.timeOutAt(101L, DEADLINE);
            assertEquals(false, connectionFirst.get(101L), "takes its connection at the deadline: none is free");

            deadlineCome.countDown();
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
            local.timeOutAt(102L, DEADLINE);
            assertEquals(true, connectionFirst.get(102L), "the connections taken early are counted free again");
        } finally {
            deadlineCome.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aLoneTimeoutWakesEarlyAndOneThatFindsNoConnectionFreeGoesBackToTheSchedulerUntilNearItsDeadline() {
        List<Long> delays = new ArrayList<>();
        List<Long> executed = new ArrayList<>();
        LocalTimeouts local = dueNow((waiterId, first, untilDue) -> executed.add(waiterId));
        local.clock = at(DEADLINE * 1_000_000 - 30_000_000L); // 30 ms before the deadline
        local.scheduler = schedulerRecording(delays);

        local.timeOutAt(1L, DEADLINE);
        assertEquals(List.of(10L), delays, "20 ms early");

        delays.clear();
        local.earlyConnections.drainPermits();
        local.timeOut(List.of(1L), DEADLINE);
        assertEquals(List.of(), executed, "no connection free 30 ms early: not taken on yet");
        assertEquals(List.of(25L), delays, "woken again 5 ms before its deadline");

        delays.clear();
        local.timeOutAt(LongStream.rangeClosed(1, LocalTimeouts.APART_UP_TO + 1).boxed().toList(), DEADLINE);
        assertEquals(List.of(25L), delays, "timed out together: 5 ms early");
    }

    @Test
    void aTimeoutWhoseThreadIsInterruptedBeforeItsDeadlineIsRetriedNotFiredEarly() {
        List<Long> fired = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        LocalTimeouts local = dueNow((waiterId, first, untilDue) -> {
            untilDue.run();
            fired.add(waiterId);
        });
        local.clock = at(DEADLINE * 1_000_000 - 10_000_000L); // 10 ms before the deadline, and it stays there
        local.scheduler = schedulerRecording(delays);

        Thread.currentThread().interrupt(); // the server stopping, say
        try {
            local.timeOut(List.of(1L), DEADLINE);
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), fired, "a park would return at once: it must not fire before its deadline");
        assertEquals(List.of(1000L), delays, "tried again a second later");
    }

    @Test
    void aConnectionTakenEarlyIsCountedFreeOnceTheDeadlineHasCome() {
        List<Integer> freeAfterDeadline = new ArrayList<>();
        LocalTimeouts[] local = new LocalTimeouts[1];
        local[0] = dueNow((waiterId, first, untilDue) -> {
            untilDue.run();
            freeAfterDeadline.add(local[0].earlyConnections.availablePermits()); // the run executes from here on
        });

        local[0].timeOutAt(1L, DEADLINE);
        assertEquals(List.of(LocalTimeouts.EARLY_CONNECTIONS), freeAfterDeadline);
    }

    @Test
    void aTimeoutThatFailsBeforeItsDeadlineCountsItsConnectionFreeAgain() {
        Map<Long, Boolean> connectionFirst = new ConcurrentHashMap<>();
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();
        LocalTimeouts local = dueNow((waiterId, first, untilDue) -> {
            if (failedOnce.add(waiterId)) {
                throw new IllegalStateException("no connection"); // before its deadline: it is retried
            }
            connectionFirst.put(waiterId, first);
            untilDue.run();
        });

        for (long waiterId = 1; waiterId <= LocalTimeouts.EARLY_CONNECTIONS + 1; waiterId++) {
            local.timeOutAt(waiterId, DEADLINE);
        }
        assertEquals(LocalTimeouts.EARLY_CONNECTIONS + 1, connectionFirst.size());
        assertTrue(connectionFirst.values().stream().allMatch(Boolean::booleanValue), connectionFirst.toString());
    }

    /** What a fake {@link WaiterOutcomes#timeOutAndExecute} does. */
    private interface TimeOutAndExecute {
        void run(long waiterId, boolean connectionFirst, Runnable untilDue) throws Exception;
    }

    /** Local timeouts whose deadlines have come, each given at once to {@code fake}. */
    private static LocalTimeouts dueNow(TimeOutAndExecute fake) {
        LocalTimeouts local = new LocalTimeouts();
        local.clock = at(DEADLINE * 1_000_000);
        local.config = new WorkflowConfig(key -> Optional.empty());
        local.scheduler = schedulerRunningAtOnce();
        local.timeout = local::timeOut;
        local.outcomes = new WaiterOutcomes() {
            @Override
            public void timeOutAndExecute(long waiterId, boolean connectionFirst, Runnable untilDue) {
                try {
                    fake.run(waiterId, connectionFirst, untilDue);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        return local;
    }

    /** A scheduler that records the delays it is given, in ms, and runs nothing. */
    private static ManagedScheduledExecutorService schedulerRecording(List<Long> delays) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(LocalTimeoutsTest.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("schedule")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    delays.add(((TimeUnit) args[2]).toMillis((Long) args[1]));
                    return null;
                });
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
