package org.durableworkflow.impl.engine.result;

import org.durableworkflow.api.RunResult;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of callers awaiting runs, on a store in memory and a scheduler of its own. */
class ResultWaitersTest {

    /** Runs as a map; counts the statements. */
    static final class Runs extends RunStore {
        final Map<String, RunState> rows = new ConcurrentHashMap<>();
        final AtomicInteger statements = new AtomicInteger();

        @Override
        public List<RunState> states(Collection<String> runIds) {
            statements.incrementAndGet();
            assertTrue(runIds.size() <= STATES_AT_ONCE, "one statement takes at most " + STATES_AT_ONCE);
            return runIds.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
        }

        void put(String runId, RunStatus status) {
            rows.put(runId, new RunState(runId, status, status == RunStatus.COMPLETED ? "\"done\"" : null,
                    status == RunStatus.FAILED ? "it broke" : null));
        }
    }

    /** No transaction: work after a commit runs at once. */
    static final class NoTransaction extends Transactions {
        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final Runs runs = new Runs();
    private final ResultWaiters waiters = new ResultWaiters() {
        @Override
        protected ScheduledExecutorService scheduler() {
            return timers;
        }
    };
    private final List<RunState> answers = new CopyOnWriteArrayList<>();

    ResultWaitersTest() {
        timers.setRemoveOnCancelPolicy(true);
        waiters.runs = runs;
        waiters.transactions = new NoTransaction();
    }

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void aRunThatEndedIsAnsweredAtOnceAndNothingIsLeftWaiting() {
        runs.put("wfr_done", RunStatus.COMPLETED);

        Awaiting waiting = waiters.await("wfr_done", Duration.ofMinutes(1), answers::add);

        assertTrue(waiting.answered());
        assertEquals(List.of(new RunState("wfr_done", RunStatus.COMPLETED, "\"done\"", null)), answers);
        assertEquals(0, waiters.awaitedRuns());
        assertEquals(0, timers.getQueue().size(), "no timer, no periodic read");
    }

    @Test
    void anUnknownRunIsRefusedAndLeavesNothingWaiting() {
        assertThrows(UnknownRunException.class, () -> waiters.await("wfr_none", Duration.ofSeconds(5), answers::add));
        assertThrows(UnknownRunException.class, () -> waiters.await(null, Duration.ofSeconds(5), answers::add));
        assertThrows(UnknownRunException.class, () -> waiters.await("x".repeat(600), null, answers::add));
        assertEquals(0, waiters.awaitedRuns());
        assertTrue(answers.isEmpty());
    }

    @Test
    void anEndingHereAnswersEveryCallerOfThatRunOnceAndNoOther() {
        runs.put("wfr_a", RunStatus.WAITING);
        runs.put("wfr_b", RunStatus.WAITING);
        List<RunState> ofB = new ArrayList<>();
        waiters.await("wfr_a", Duration.ofMinutes(1), answers::add);
        waiters.await("wfr_a", Duration.ofMinutes(1), answers::add);
        waiters.await("wfr_b", Duration.ofMinutes(1), ofB::add);

        RunState end = new RunState("wfr_a", RunStatus.CANCELLED, null, "cancelled");
        waiters.endedAfterCommit(end);
        waiters.ended(end);

        assertEquals(List.of(end, end), answers, "each caller once, not again");
        assertTrue(ofB.isEmpty());
        assertEquals(1, waiters.awaitedRuns());
    }

    @Test
    void aCallerWhoseWaitRunsOutIsToldTheStatusLastSeen() {
        runs.put("wfr_slow", RunStatus.WAITING);
        waiters.await("wfr_slow", Duration.ofMillis(100), answers::add);
        runs.put("wfr_slow", RunStatus.RUNNING);

        within5s(() -> !answers.isEmpty());

        RunState answer = answers.get(0);
        assertFalse(answer.ended());
        assertNull(answer.output());
        assertEquals(0, waiters.awaitedRuns());
    }

    @Test
    void aWaitOfZeroAnswersTheCurrentStatusAtOnce() {
        runs.put("wfr_now", RunStatus.RUNNING);

        waiters.await("wfr_now", Duration.ZERO, answers::add);

        assertEquals(List.of(new RunState("wfr_now", RunStatus.RUNNING, null, null)), answers);
        assertEquals(0, waiters.awaitedRuns());
    }

    @Test
    void runsThatEndElsewhereAreFoundByOneReadForAllCallersThatStopsWhenNobodyWaits() {
        for (int i = 0; i < 1_000; i++) {
            runs.put("wfr_" + i, RunStatus.WAITING);
            waiters.await("wfr_" + i, Duration.ofMinutes(1), answers::add);
        }
        int registering = runs.statements.getAndSet(0); // one read each, to see whether it ended already
        assertEquals(1_000, registering);
        for (int i = 0; i < 1_000; i++) {
            runs.put("wfr_" + i, i % 2 == 0 ? RunStatus.COMPLETED : RunStatus.FAILED); // on another server
        }

        within5s(() -> answers.size() == 1_000);

        assertEquals(2, runs.statements.get(), "one read of 500 runs at a time, not one per caller");
        assertEquals(0, waiters.awaitedRuns());
        within5s(() -> timers.getQueue().isEmpty());
        int reads = runs.statements.get();
        timers.schedule(() -> { }, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(reads, runs.statements.get(), "no read while nobody waits");
    }

    @Test
    void inProcessTheCallersThreadGetsTheOutputAsItsTypeOrTheStatusAfterItsWait() {
        ResultAwaiter awaiter = new ResultAwaiter();
        awaiter.waiters = waiters;
        awaiter.json = new JsonCodec();
        runs.put("wfr_done", RunStatus.COMPLETED);
        runs.put("wfr_failed", RunStatus.FAILED);
        runs.put("wfr_waiting", RunStatus.WAITING);

        assertEquals(new RunResult<>(RunStatus.COMPLETED, "done", null),
                awaiter.awaitResult("wfr_done", Duration.ofSeconds(1), String.class));
        assertEquals(new RunResult<>(RunStatus.FAILED, null, "it broke"),
                awaiter.awaitResult("wfr_failed", Duration.ofSeconds(1), String.class));
        RunResult<String> notYet = awaiter.awaitResult("wfr_waiting", Duration.ofMillis(50), String.class);
        assertEquals(RunStatus.WAITING, notYet.status());
        assertFalse(notYet.ended());
        assertEquals(0, waiters.awaitedRuns());

        new Thread(() -> {
            sleep(200);
            waiters.ended(new RunState("wfr_waiting", RunStatus.COMPLETED, "\"late\"", null));
        }).start();
        assertEquals("late", awaiter.awaitResult("wfr_waiting", Duration.ofSeconds(10), String.class).output());

        assertThrows(InvalidInputException.class, () -> awaiter.awaitResult("wfr_done", null, String.class));
        assertThrows(InvalidInputException.class,
                () -> awaiter.awaitResult("wfr_done", Duration.ofSeconds(-1), String.class));
        InvalidInputException wrongType = assertThrows(InvalidInputException.class,
                () -> awaiter.awaitResult("wfr_done", Duration.ZERO, Integer.class));
        assertTrue(wrongType.getMessage().startsWith("DWF0221"), wrongType.getMessage());
    }

    private static void within5s(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within 5 s");
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
