package org.durableworkflow.impl.engine.step;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.engine.run.Inputs;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.engine.waiter.Notifier;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.StepType;
import org.durableworkflow.api.WaitForEventResult;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.WorkflowException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.definition.StepDefinition;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.time.Durations;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@link WorkflowContext} for the run executing on the current thread. */
@ApplicationScoped
public class WorkflowContextImpl implements WorkflowContext {

    private static final Type RESPONSES = new ArrayList<NotifyResponse>() {
    }.getClass().getGenericSuperclass();

    @Inject
    StepRunner steps;
    @Inject
    Waits waits;
    @Inject
    Notifier notifier;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    @Override
    public String workflowRunId() {
        return CurrentRun.require("workflowRunId").runId();
    }

    @Override
    public String workflowName() {
        return CurrentRun.require("workflowName").workflowName();
    }

    @Override
    public String idempotencyKey() {
        RunExecution execution = CurrentRun.require("idempotencyKey");
        int seq = execution.inStep() ? execution.currentStepSeq() : execution.peekSeq();
        return execution.runId() + ":" + seq;
    }

    @Override
    public <T> T run(String stepName, Class<T> resultType, Callable<T> step) {
        RunExecution execution = CurrentRun.require("run");
        Inputs.name("stepName", stepName);
        if (execution.inStep()) {
            return unchecked(step, "step '" + stepName + "' failed");
        }
        return resultType.cast(unchecked(() -> steps.run(execution, StepDefinition.plain(stepName, resultType), step),
                "step '" + stepName + "' failed"));
    }

    @Override
    public void run(String stepName, Runnable step) {
        run(stepName, Void.class, () -> {
            step.run();
            return null;
        });
    }

    @Override
    public <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, Duration timeout,
                                                  Class<T> eventType) {
        RunExecution execution = outsideSteps("waitForEvent");
        Inputs.name("stepName", stepName);
        Inputs.id("eventId", eventId, config.maxIdLength());
        Durations.requirePositive(timeout, timeout);
        int seq = execution.nextSeq();
        StepEntity journaled = execution.replay(seq, StepType.WAIT, stepName);
        if (journaled != null) {
            return journaled.timedOut() ? WaitForEventResult.timedOut()
                    : new WaitForEventResult<>(json.readEvent(journaled.result(), eventType), false);
        }
        StepEntity taken = unchecked(() -> waits.waitForEvent(execution, seq, stepName, eventId,
                eventType.getName(), deadline(timeout)), "could not register wait '" + stepName + "'");
        return new WaitForEventResult<>(json.readEvent(taken.result(), eventType), false);
    }

    @Override
    public <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, String timeout,
                                                  Class<T> eventType) {
        return waitForEvent(stepName, eventId, Durations.parse(timeout), eventType);
    }

    @Override
    public <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, Class<T> eventType) {
        return waitForEvent(stepName, eventId, config.defaultWaitTimeout(), eventType);
    }

    @Override
    public void sleep(String stepName, Duration duration) {
        RunExecution execution = outsideSteps("sleep");
        Inputs.name("stepName", stepName);
        Durations.requirePositive(duration, duration);
        sleepTo(execution, stepName, deadline(duration));
    }

    @Override
    public void sleepUntil(String stepName, Instant until) {
        RunExecution execution = outsideSteps("sleepUntil");
        Inputs.name("stepName", stepName);
        long now = clock.millis();
        if (until == null || until.isAfter(Instant.ofEpochMilli(now).plus(Durations.LONGEST))) {
            throw new InvalidInputException(StepProblems.sleepUntilTooFar(until));
        }
        // a past instant is stored as now: due at once, and no overflow for one before the epoch's range
        sleepTo(execution, stepName, until.isBefore(Instant.ofEpochMilli(now)) ? now : until.toEpochMilli());
    }

    /** Suspends the run until {@code deadline}, unless the journal has the sleep already; one timer for both. */
    private void sleepTo(RunExecution execution, String stepName, long deadline) {
        int seq = execution.nextSeq();
        if (execution.replay(seq, StepType.SLEEP, stepName) == null) {
            throw unchecked(() -> waits.sleep(execution, seq, stepName, deadline),
                    "could not register wait '" + stepName + "'");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<NotifyResponse> notify(String stepName, String eventId, Object eventData) {
        RunExecution execution = outsideSteps("notify");
        Inputs.name("stepName", stepName);
        String text = json.eventText(eventData);
        int seq = execution.nextSeq();
        StepEntity journaled = execution.replay(seq, StepType.NOTIFY, stepName);
        if (journaled != null) {
            return (List<NotifyResponse>) json.fromJson(journaled.result(), RESPONSES);
        }
        return unchecked(() -> execution.commitWith(transactions, () -> {
            List<NotifyResponse> responses = notifier.notify(eventId, text).responses();
            steps.journal(execution, new StepEntity(execution.runId(), seq, stepName, StepType.NOTIFY,
                    StepEntity.COMPLETED, json.toJson(responses), null, clock.millis()));
            return responses;
        }), "notify '" + stepName + "' failed");
    }

    @Override
    public boolean patched(String patchId) {
        RunExecution execution = outsideSteps("patched");
        Inputs.name("patchId", patchId);
        StepEntity next = execution.peekJournaled();
        if (next != null) {
            return takeMarker(execution, next, patchId); // else the run passed here before the patch existed
        }
        unchecked(() -> {
            steps.journalMarker(execution, StepType.PATCH, patchId);
            return null;
        }, "could not journal patch '" + patchId + "'");
        return true;
    }

    @Override
    public void deprecatePatch(String patchId) {
        RunExecution execution = outsideSteps("deprecatePatch");
        Inputs.name("patchId", patchId);
        StepEntity next = execution.peekJournaled();
        if (next != null) {
            takeMarker(execution, next, patchId);
        }
    }

    /** Takes the sequence of {@code next} when it is the marker of {@code patchId}; whether it was. */
    private static boolean takeMarker(RunExecution execution, StepEntity next, String patchId) {
        boolean marker = next.type() == StepType.PATCH && next.name().equals(patchId);
        if (marker) {
            execution.nextSeq();
        }
        return marker;
    }

    private long deadline(Duration timeout) {
        return clock.millis() + timeout.toMillis();
    }

    /** Runs {@code work}; a checked exception it throws becomes a {@link WorkflowException} saying {@code failure}. */
    private static <T> T unchecked(Callable<T> work, String failure) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkflowException(failure + ": " + e.getMessage(), e);
        }
    }

    private static RunExecution outsideSteps(String operation) {
        RunExecution execution = CurrentRun.require(operation);
        if (execution.inStep()) {
            throw new IllegalStateException(StepProblems.insideStep(operation));
        }
        return execution;
    }
}
