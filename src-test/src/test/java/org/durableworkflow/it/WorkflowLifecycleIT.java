package org.durableworkflow.it;

import jakarta.inject.Inject;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.StepType;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.it.app.StepCalls;
import org.durableworkflow.it.app.TestWorkflows;
import org.durableworkflow.it.app.WaitInput;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.timer.TimerGateway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's whole life inside Open Liberty on Derby: step, wait, notify or timeout, replay, completion. */
@ExtendWith(ArquillianExtension.class)
class WorkflowLifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-it", WorkflowLifecycleIT.class, Deployments.class, Runs.class);
    }

    @Inject
    WorkflowClient client;
    @Inject
    TimerGateway timers;
    @Inject
    WaiterStore store;

    private final List<String> started = new ArrayList<>();

    /** No test leaves a waiting run, and so a pending timer, behind for later tests. */
    @AfterEach
    void cancelLeftovers() {
        started.forEach(client::cancel);
    }

    private String start(String workflow, WaitInput input) {
        String runId = client.start(workflow, input);
        started.add(runId);
        return runId;
    }

    private Runs runs() {
        return new Runs(client);
    }

    @Test
    void stepRunsOnceWaitHoldsNoThreadNotifyResumesAndReplayKeepsGenericTypes() {
        String eventId = "order-" + UUID.randomUUID();
        String runId = start("wait-then-finish", WaitInput.waitFor(eventId, "5m"));
        runs().awaitStatus(runId, RunStatus.WAITING);

        assertEquals(1, StepCalls.count(runId, "prepare"));
        List<Waiter> waiters = client.getWaiters(eventId);
        assertEquals(1, waiters.size());
        assertEquals(runId, waiters.get(0).workflowRunId());
        // the wait commits, then its signal unwinds the workflow method: a moment when the run is WAITING already
        await("a waiting run must not hold a thread").atMost(Duration.ofSeconds(2)).pollInSameThread()
                .until(() -> !threadRunsWorkflowCode());

        List<NotifyResponse> responses = client.notify(eventId, "{\"value\":\"shipped\"}");

        assertEquals(1, responses.size());
        assertEquals(runId, responses.get(0).workflowRunId());
        assertEquals("", responses.get(0).error());
        RunInfo run = runs().awaitStatus(runId, RunStatus.COMPLETED);
        assertEquals("\"Item:shipped\"", run.output(), "the replayed List<Item> must hold Items");
        assertEquals(1, StepCalls.count(runId, "prepare"), "replay must not run a journaled step again");
        assertEquals(1, StepCalls.count(runId, "finish"));
        assertEquals(List.of("prepare", "wait", "finish"), run.steps().stream().map(StepInfo::name).toList());
        assertEquals(List.of(StepType.STEP, StepType.WAIT, StepType.STEP),
                run.steps().stream().map(StepInfo::type).toList());
        assertEquals("NOTIFIED", run.steps().get(1).outcome());
        assertTrue(client.getWaiters(eventId).isEmpty());
    }

    @Test
    void waitsDueInTheSameSecondShareOnePersistentTimer() {
        int timersBefore = timers.pendingTimers();
        List<String> eventIds = IntStream.range(0, 20).mapToObj(i -> "shared-" + UUID.randomUUID()).toList();
        eventIds.forEach(eventId -> runs().awaitStatus(start("wait-then-finish", WaitInput.waitFor(eventId, "10m")),
                RunStatus.WAITING));

        // a deadline in unix seconds is the start of its one-second window
        Set<Long> windows = eventIds.stream().map(eventId -> client.getWaiters(eventId).get(0).deadline() * 1000)
                .collect(Collectors.toSet());
        assertTrue(windows.size() < eventIds.size(), "20 waits registered in a few seconds: " + windows);
        assertTrue(timers.armedWindows().containsAll(windows), "each wait's window has its timer");
        assertTrue(timers.pendingTimers() - timersBefore <= windows.size(), "one timer per window, none per wait");
        eventIds.forEach(eventId -> client.notify(eventId, "{\"value\":\"done\"}"));
    }

    @Test
    void timeoutGivesNullDataAndTheRunGoesOn() {
        String runId = start("wait-then-finish", WaitInput.waitFor("never-" + UUID.randomUUID(), "2s"));

        RunInfo run = runs().awaitStatus(runId, RunStatus.COMPLETED);

        assertEquals("\"Item:TIMEOUT\"", run.output());
        StepInfo wait = run.steps().get(1);
        assertTrue(wait.timedOut());
        assertEquals("TIMED_OUT", wait.outcome());
        assertEquals(null, wait.result());
    }

    @Test
    void aTimeoutLeftToItsWindowsTimerFiresAtItsDeadline() {
        String eventId = "never-" + UUID.randomUUID();
        String runId = start("wait-then-finish", WaitInput.waitFor(eventId, "6s"));
        runs().awaitStatus(runId, RunStatus.WAITING);
        long deadline = client.getWaiters(eventId).get(0).deadline() * 1000;
        // WildFly lists a timer created in a transaction only after that transaction's completion, a moment after
        // the waiting run is visible; the window's timer itself fires seconds later
        await("a wait 6 s long is left to its window's timer").atMost(Duration.ofSeconds(2)).pollInSameThread()
                .until(() -> timers.armedWindows().contains(deadline));

        RunInfo run = runs().awaitStatus(runId, RunStatus.COMPLETED);

        long late = run.steps().get(1).createdAt() - deadline;
        // the recovery sweep would time it out a lease (60 s) late: this is the window's timer
        assertTrue(late >= 0 && late < 10_000, "timed out " + late + " ms after the deadline's second began");
    }

    @Test
    void oneNotifyResumesEveryWaiterInRegistrationOrderAndASecondFindsNone() {
        String eventId = "shared-" + UUID.randomUUID();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String runId = start("wait-for-text", WaitInput.waitFor(eventId, null));
            runs().awaitStatus(runId, RunStatus.WAITING);
            runIds.add(runId);
        }

        List<NotifyResponse> first = client.notify(eventId, "go");

        assertEquals(runIds, first.stream().map(NotifyResponse::workflowRunId).toList());
        assertEquals(List.of(), client.notify(eventId, "again"));
        for (String runId : runIds) {
            assertEquals("\"go\"", runs().awaitStatus(runId, RunStatus.COMPLETED).output());
        }
        assertEquals(List.of(), client.notify("nobody-waits-" + UUID.randomUUID(), "x"));
    }

    @Test
    void renamedStepFailsTheRunNamingRunSequenceExpectedAndFound() {
        String eventId = "nd-" + UUID.randomUUID();
        TestWorkflows.firstStepName = "original";
        String runId = start("nondeterministic", WaitInput.waitFor(eventId, null));
        runs().awaitStatus(runId, RunStatus.WAITING);

        TestWorkflows.firstStepName = "renamed";
        try {
            client.notify(eventId, "go");
            RunInfo run = runs().awaitStatus(runId, RunStatus.FAILED);
            assertTrue(run.error().contains("DWF0101"), run.error());
            assertTrue(run.error().contains(runId), run.error());
            assertTrue(run.error().contains("step 1"), run.error());
            assertTrue(run.error().contains("STEP 'original'"), run.error());
            assertTrue(run.error().contains("STEP 'renamed'"), run.error());
            assertEquals(2, run.steps().size(), "nothing may be journaled after the mismatch");
        } finally {
            TestWorkflows.firstStepName = "original";
        }
    }

    @Test
    void notifyFromAWorkflowIsAStepThatReplayDoesNotRepeat() {
        String target = "target-" + UUID.randomUUID();
        String own = "own-" + UUID.randomUUID();
        String waiter = start("wait-twice", WaitInput.waitFor(target, null));
        runs().awaitStatus(waiter, RunStatus.WAITING);

        String notifier = start("notify-then-wait", new WaitInput(own, null, target));
        runs().awaitStatus(notifier, RunStatus.WAITING);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> runs().journal(waiter).size() == 1); // its first wait got "hello"
        runs().awaitStatus(waiter, RunStatus.WAITING); // now in its second wait

        client.notify(own, "wake up"); // replays the notifier, including its journaled notify
        RunInfo notified = runs().awaitStatus(notifier, RunStatus.COMPLETED);

        assertEquals("1", notified.output(), "the replayed notify returns its journaled responses");
        assertEquals(StepType.NOTIFY, notified.steps().get(0).type());
        assertEquals(RunStatus.WAITING, runs().status(waiter), "replay must not notify the target again");
        assertEquals(1, client.getWaiters(target).size());
    }

    @Test
    void badTimeoutTextFailsFastAndStoresNoWaiter() {
        String eventId = "bad-" + UUID.randomUUID();
        String runId = start("bad-timeout", WaitInput.waitFor(eventId, "10 minutes"));

        RunInfo run = runs().awaitStatus(runId, RunStatus.FAILED);

        assertTrue(run.error().contains("DWF0200"), run.error());
        assertTrue(run.error().contains("'10 minutes'"), run.error());
        assertTrue(client.getWaiters(eventId).isEmpty());
        assertTrue(run.steps().isEmpty());
    }

    @Test
    void defaultTimeoutIsSevenDays() {
        String eventId = "default-" + UUID.randomUUID();
        long before = System.currentTimeMillis() / 1000;
        String runId = start("wait-then-finish", WaitInput.waitFor(eventId, null));
        runs().awaitStatus(runId, RunStatus.WAITING);

        long deadline = client.getWaiters(eventId).get(0).deadline();

        long sevenDays = Duration.ofDays(7).toSeconds();
        assertTrue(deadline >= before + sevenDays && deadline <= before + sevenDays + 60, "deadline " + deadline);
    }

    @Test
    void aWorkflowFailingRightAfterAStepKeepsTheStepJournaledAndFailsWithItsReason() {
        String runId = start("fails-after-a-step", WaitInput.waitFor("stock-" + UUID.randomUUID(), null));

        RunInfo run = runs().awaitStatus(runId, RunStatus.FAILED);

        assertTrue(run.error().contains("IllegalStateException: no stock for stock-"), run.error());
        assertEquals(1, run.steps().size(), "the step's transaction commits before the run fails");
        assertEquals("prepare", run.steps().get(0).name());
        assertEquals("COMPLETED", run.steps().get(0).outcome());
        assertEquals(1, StepCalls.count(runId, "prepare"));
    }

    @Test
    void aWorkflowThatSwallowsTheSuspensionIsFailedWithTheReason() {
        String eventId = "swallow-" + UUID.randomUUID();
        String runId = start("swallows-suspension", WaitInput.waitFor(eventId, null));

        RunInfo run = runs().awaitStatus(runId, RunStatus.FAILED);

        assertTrue(run.error().contains("DWF0104"), run.error());
        assertTrue(client.getWaiters(eventId).isEmpty(), "the failed run's waiter is cancelled");
    }

    @Test
    void sleepSuspendsAndResumes() {
        String runId = start("sleeper", WaitInput.waitFor("unused", null));

        RunInfo run = runs().awaitStatus(runId, RunStatus.COMPLETED);

        assertEquals("\"awake\"", run.output());
        assertEquals(StepType.SLEEP, run.steps().get(0).type());
    }

    @Test
    void invalidEventIdsAreRefusedBeforeAnythingIsStored() {
        assertThrows(InvalidInputException.class, () -> client.notify("", "x"));
        assertThrows(InvalidInputException.class, () -> client.notify("x".repeat(257), "x"));
        assertThrows(InvalidInputException.class, () -> client.getWaiters("a\nb"));
    }

    @Test
    void cancelledRunNeverResumes() {
        String eventId = "cancel-" + UUID.randomUUID();
        String runId = start("wait-for-text", WaitInput.waitFor(eventId, null));
        runs().awaitStatus(runId, RunStatus.WAITING);

        assertTrue(client.cancel(runId));

        assertEquals(List.of(), client.notify(eventId, "too late"));
        assertEquals(RunStatus.CANCELLED, runs().status(runId));
        assertFalse(client.cancel(runId));
    }

    @Test
    void notifyAndTimeoutRacingAtTheDeadlineHaveExactlyOneWinner() {
        int runCount = 30;
        List<String> runIds = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < runCount; i++) {
            String eventId = "race-" + i + "-" + UUID.randomUUID();
            eventIds.add(eventId);
            runIds.add(start("wait-then-finish", WaitInput.waitFor(eventId, "10s"))); // all wait before the first deadline
        }
        long[] deadlines = new long[runCount];
        for (int i = 0; i < runCount; i++) {
            runs().awaitStatus(runIds.get(i), RunStatus.WAITING);
            deadlines[i] = store.waiterOf(runIds.get(i), 2).deadline();
        }

        boolean[] notified = new boolean[runCount];
        for (int i = 0; i < runCount; i++) { // notify each run within 40 ms either side of its deadline
            long notifyAt = deadlines[i] + (i % 9 - 4) * 10L;
            LockSupport.parkNanos(Math.max(0, notifyAt - System.currentTimeMillis()) * 1_000_000L);
            notified[i] = !client.notify(eventIds.get(i), "{\"value\":\"raced\"}").isEmpty();
        }

        int notifyWins = 0;
        for (int i = 0; i < runCount; i++) {
            String runId = runIds.get(i);
            RunInfo run = runs().awaitStatus(runId, RunStatus.COMPLETED);
            StepInfo wait = run.steps().get(1);
            assertEquals(notified[i] ? "NOTIFIED" : "TIMED_OUT", wait.outcome(),
                    "the notify's answer must say truthfully whether it resumed run " + runId);
            assertEquals(notified[i] ? "\"Item:raced\"" : "\"Item:TIMEOUT\"", run.output());
            assertEquals(3, run.steps().size());
            assertEquals(1, StepCalls.count(runId, "finish"), "one outcome, so one resume");
            notifyWins += notified[i] ? 1 : 0;
        }
        System.out.println("race: notify won " + notifyWins + " of " + runCount + ", the timer " + (runCount - notifyWins));
    }

    private static boolean threadRunsWorkflowCode() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith(TestWorkflows.class.getName()));
    }
}
