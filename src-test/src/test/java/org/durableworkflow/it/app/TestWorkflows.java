package org.durableworkflow.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.WaitForEventResult;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The workflows the integration tests drive. */
@ApplicationScoped
public class TestWorkflows {

    /** The name the nondeterministic workflow gives its first step; tests change it while a run waits. */
    public static volatile String firstStepName = "original";

    @Inject
    WorkflowContext context;
    @Inject
    TestSteps steps;
    @Inject
    TransactionalSteps transactionalSteps;

    @Workflow("wait-then-finish")
    public String waitThenFinish(WaitInput input) {
        List<Item> items = steps.prepare(input.eventId());
        WaitForEventResult<Payload> result = input.timeout() == null
                ? context.waitForEvent("wait", input.eventId(), Payload.class)
                : context.waitForEvent("wait", input.eventId(), input.timeout(), Payload.class);
        return steps.finish(items, result.timeout() ? "TIMEOUT" : result.eventData().value());
    }

    /** Two transactional steps, then one that is not; the second declines the card when the input says so. */
    @Workflow("transactional-steps")
    public String transactionalSteps(String card) {
        String reserved = transactionalSteps.reserve();
        String charged;
        try {
            charged = transactionalSteps.charge("declined".equals(card));
        } catch (IllegalStateException e) {
            charged = "declined";
        }
        return reserved + " " + charged + " " + transactionalSteps.email();
    }

    /** Waits for the card's verdict, then reserves and charges in two transactional steps. */
    @Workflow("wait-then-charge")
    public String waitThenCharge(String eventId) {
        String card = context.waitForEvent("wait", eventId, "5m", String.class).eventData();
        String reserved = transactionalSteps.reserve();
        try {
            return reserved + " " + transactionalSteps.charge("declined".equals(card));
        } catch (IllegalStateException e) {
            return reserved + " declined";
        }
    }

    /** Fails outside any step, while the transaction of the step before is still open. */
    @Workflow("fails-after-a-step")
    public String failsAfterAStep(WaitInput input) {
        steps.prepare(input.eventId());
        throw new IllegalStateException("no stock for " + input.eventId());
    }

    /** Takes a primitive: a start without input is refused, as the run could not be given one. */
    @Workflow("count-parcels")
    public int countParcels(int parcels) {
        return parcels;
    }

    @Workflow("wait-for-text")
    public String waitForText(WaitInput input) {
        WaitForEventResult<String> result = context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(5),
                String.class);
        return result.timeout() ? "TIMEOUT" : result.eventData();
    }

    @Workflow("nondeterministic")
    public String nondeterministic(WaitInput input) {
        context.run(firstStepName, String.class, () -> "step result");
        context.waitForEvent("wait", input.eventId(), "5m", String.class);
        return "done";
    }

    @Workflow("notify-then-wait")
    public int notifyThenWait(WaitInput input) {
        List<NotifyResponse> told = context.notify("tell", input.target(), "hello");
        context.waitForEvent("own wait", input.eventId(), "5m", String.class);
        return told.size();
    }

    @Workflow("wait-twice")
    public String waitTwice(WaitInput input) {
        String first = context.waitForEvent("first", input.eventId(), "5m", String.class).eventData();
        String second = context.waitForEvent("second", input.eventId(), "5m", String.class).eventData();
        return first + "+" + second;
    }

    /** Waits for {@code <eventId>/a}, then for {@code <eventId>/b}. */
    @Workflow("wait-for-a-then-b")
    public String waitForAThenB(WaitInput input) {
        String a = context.waitForEvent("a", input.eventId() + "/a", "5m", String.class).eventData();
        String b = context.waitForEvent("b", input.eventId() + "/b", "5m", String.class).eventData();
        return a + "+" + b;
    }

    @Workflow("bad-timeout")
    public String badTimeout(WaitInput input) {
        context.waitForEvent("wait", input.eventId(), input.timeout(), String.class);
        return "unreachable";
    }

    @Workflow("swallows-suspension")
    public String swallowsSuspension(WaitInput input) {
        try {
            context.waitForEvent("wait", input.eventId(), "5m", String.class);
        } catch (Throwable swallowed) {
            // the mistake this workflow exists to make
        }
        return "kept going";
    }

    /** Records when its wait returned, for the notify-to-resume latency benchmark. */
    @Workflow("latency-probe")
    public void latencyProbe(WaitInput input) {
        context.waitForEvent("wait", input.eventId(), "5m", String.class);
        ResumeTimes.record(context.workflowRunId());
    }

    /** Sleeps until the epoch millisecond it is given, then runs one step. */
    @Workflow("sleep-until")
    public String sleepUntil(long epochMillis) {
        context.sleepUntil("until", Instant.ofEpochMilli(epochMillis));
        return context.run("after", String.class, () -> "awake");
    }

    @Workflow("sleeper")
    public String sleeper(WaitInput input) {
        context.sleep("nap", Duration.ofSeconds(1));
        return context.run("after nap", String.class, () -> "awake");
    }

    /** A step held at the {@link Gate}, then one more: a test cancels the run while the first is held. */
    @Workflow("held-then-email")
    public String heldThenEmail() {
        String held = context.run("held", String.class, () -> {
            Gate.pass();
            return "passed";
        });
        return held + " " + transactionalSteps.email();
    }

    /** As {@code held-then-email}, with the held step transactional. */
    @Workflow("reserve-held-then-email")
    public String reserveHeldThenEmail() throws InterruptedException {
        return transactionalSteps.reserveAtGate() + " " + transactionalSteps.email();
    }

    /** A step that cancels its own run, then one more. */
    @Workflow("cancels-itself")
    public String cancelsItself() {
        return transactionalSteps.cancelItself() + " " + transactionalSteps.email();
    }

    /** Calls a step that fails its first {@code failures} calls and is retried twice. */
    @Workflow("flaky-step")
    public int flakyStep(int failures) {
        return steps.flaky(failures);
    }

    /** As {@code flaky-step}, its retries five seconds apart and more. */
    @Workflow("slow-flaky-step")
    public int slowFlakyStep(int failures) {
        return steps.slowFlaky(failures);
    }

    /** A transactional step, then a transactional one that fails its first {@code failures} calls. */
    @Workflow("reserve-then-flaky-charge")
    public String reserveThenFlakyCharge(int failures) {
        return transactionalSteps.reserve() + " " + transactionalSteps.flakyCharge(failures);
    }

    /** Holds an execution in its step until the test opens the {@link Gate}. */
    @Workflow("held-at-gate")
    public String heldAtGate() {
        return context.run("held", String.class, () -> {
            Gate.pass();
            return "passed";
        });
    }
}
