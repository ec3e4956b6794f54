package org.durableworkflow.impl.engine.dispatch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionQueueTest {

    /** An executor whose threads are all taken: it keeps the tasks it is given until the test runs them. */
    private final List<Runnable> heldByExecutor = new ArrayList<>();
    private final List<String> executed = new ArrayList<>();
    private final HeldRuns held = new HeldRuns();
    private final ExecutionQueue queue = new ExecutionQueue(() -> heldByExecutor::add, () -> 2, held);

    @Test
    void belowTheBacklogEveryExecutionGoesToTheExecutor() {
        queue.helpingAfter(() -> {
            handOver("a");
            handOver("b");
            return null;
        });
        assertEquals(List.of(), executed);
        assertEquals(2, queue.size());
        heldByExecutor.forEach(Runnable::run);
        assertEquals(List.of("a", "b"), executed);
        assertEquals(0, queue.size());
    }

    @Test
    void aCallerThatHelpsExecutesTheOldestWaitingNotItsOwn() {
        handOver("first");
        handOver("second");
        queue.helpingAfter(() -> handOver("third"));
        assertEquals(List.of("first"), executed);
        assertEquals(2, heldByExecutor.size());

        heldByExecutor.forEach(Runnable::run);
        assertEquals(List.of("first", "second", "third"), executed);
        assertEquals(0, queue.size());
    }

    @Test
    void withoutHelpingAllQueueWhateverTheBacklog() {
        for (String name : List.of("a", "b", "c", "d")) {
            handOver(name);
        }
        assertEquals(List.of(), executed);
        assertEquals(4, heldByExecutor.size());
    }

    @Test
    void closingDropsWhatWaitsAndRefusesWhatComes() {
        handOver("a");
        handOver("b");
        assertEquals(Set.of("a", "b"), held.runIds());
        assertEquals(2, queue.close());
        assertEquals(Set.of(), held.runIds(), "dropped runs are released, so their leases can be let go");
        heldByExecutor.forEach(Runnable::run);
        assertEquals(List.of(), executed, "the executor's turns begin nothing once closed");
        assertThrows(RejectedExecutionException.class, () -> handOver("c"));
        assertEquals(Set.of(), held.runIds());
        assertEquals(0, queue.size());
    }

    @Test
    void aRefusedExecutionIsNotKept() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        ExecutionQueue closing = new ExecutionQueue(() -> refusing, () -> 2, held);
        assertThrows(RejectedExecutionException.class, () -> closing.handOver("lost", () -> executed.add("lost")));
        assertEquals(0, closing.size());
        assertEquals(Set.of(), held.runIds(), "held for good, its lease would be renewed while nothing executes it");
    }

    @Test
    void anExecutorThatCannotBeHadDropsTheExecutionAndItsHold() {
        ExecutionQueue broken = new ExecutionQueue(() -> {
            throw new IllegalStateException("DWF0505: executor concurrent/x is not available");
        }, () -> 2, held);
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                () -> broken.handOver("wfr_lost", () -> executed.add("lost")));

        assertEquals(0, broken.size());
        assertEquals(Set.of(), held.runIds(), "held for good, its lease would be renewed while nothing executes it");
        assertTrue(e.getMessage().contains("wfr_lost"), e.getMessage());
    }

    @Test
    void aRunHandedOverTwiceStaysHeldUntilBothItsExecutionsEnded() {
        handOver("a");
        handOver("a");
        handOver("b");
        assertEquals(Set.of("a", "b"), held.runIds());

        heldByExecutor.get(0).run();
        assertEquals(Set.of("a", "b"), held.runIds(), "its second execution still waits: its lease must be renewed");
        heldByExecutor.get(1).run();
        assertEquals(Set.of("b"), held.runIds());
    }

    @Test
    void aRunIsHeldWhileItsExecutionRunsAndWhenItHandsItselfOnBeforeItEnds() {
        List<Set<String>> seenByExecution = new ArrayList<>();
        queue.handOver("a", () -> {
            seenByExecution.add(held.runIds());
            queue.handOver("a", () -> seenByExecution.add(held.runIds())); // resumed meanwhile: goes again
        });
        heldByExecutor.get(0).run();
        assertEquals(Set.of("a"), held.runIds(), "between its two executions the run must stay held");
        heldByExecutor.get(1).run();
        assertEquals(List.of(Set.of("a"), Set.of("a")), seenByExecution);
        assertEquals(Set.of(), held.runIds());
    }

    private Void handOver(String name) {
        queue.handOver(name, () -> executed.add(name));
        return null;
    }
}
