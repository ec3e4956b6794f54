package org.durableworkflow.it.failure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.OnFailure;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.api.WorkflowFailure;
import org.durableworkflow.api.exception.NonRetryableException;
import org.durableworkflow.api.exception.StepFailedException;
import org.durableworkflow.it.app.WaitInput;

import java.time.Duration;

/** An order whose charge may fail: handled by a failure handler, or compensated in the workflow (a saga). */
@ApplicationScoped
public class FailingOrder {

    @Inject
    WorkflowContext context;
    @Inject
    FailureSteps steps;

    @Workflow("failing-order")
    public String run(WaitInput input) {
        steps.reserve(input.eventId());
        String data = context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(5), String.class).eventData();
        return steps.charge(data);
    }

    @OnFailure("failing-order")
    public void onFailure(WaitInput input, WorkflowFailure failure) {
        steps.release(input.eventId() + " after " + failure.stepName() + " at " + failure.sequence());
    }

    /** A step that fails once, then a wait: resumed, the run waits, and a notify completes it. */
    @Workflow("fails-once")
    public String failsOnce(WaitInput input) {
        steps.failsOnce(input.eventId());
        return context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(5), String.class).eventData();
    }

    /** A failure caught and compensated, then a step that fails once: a resume reruns only that step. */
    @Workflow("caught-then-fails-once")
    public String caughtThenFailsOnce(WaitInput input) {
        try {
            steps.charge("rejected");
        } catch (NonRetryableException | StepFailedException e) {
            steps.release(input.eventId());
        }
        steps.failsOnce(input.eventId());
        return context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(5), String.class).eventData();
    }

    /** A saga: the step's exception (or, on replay, its journaled failure) caught and compensated. */
    @Workflow("saga")
    public String saga(WaitInput input) {
        steps.reserve(input.eventId());
        try {
            return steps.charge("rejected");
        } catch (NonRetryableException | StepFailedException e) {
            steps.release(input.eventId());
            return "compensated";
        }
    }
}
