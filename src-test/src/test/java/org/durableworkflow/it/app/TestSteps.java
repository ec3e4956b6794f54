package org.durableworkflow.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.WorkflowContext;

import java.util.List;

/** Steps of the test workflows; each counts its real executions. */
@ApplicationScoped
public class TestSteps {

    @Inject
    WorkflowContext context;

    @DurableStep("prepare")
    public List<Item> prepare(String eventId) {
        StepCalls.record(context.workflowRunId(), "prepare");
        return List.of(new Item("apple", 3), new Item(eventId, 1));
    }

    /** Fails its first {@code failures} calls in a run, then answers how many calls it took. */
    @DurableStep(value = "flaky", retries = 2, retryDelay = "PT0.05S")
    public int flaky(int failures) {
        return failFirst("flaky", failures);
    }

    /** As {@link #flaky}, with pauses long enough for a test to cancel the run during one. */
    @DurableStep(value = "slow flaky", retries = 3, retryDelay = "5s")
    public int slowFlaky(int failures) {
        return failFirst("slow flaky", failures);
    }

    /** Counts a call of {@code step} in this run; fails the first {@code failures}, answers the count after. */
    private int failFirst(String step, int failures) {
        String runId = context.workflowRunId();
        StepCalls.record(runId, step);
        int calls = StepCalls.count(runId, step);
        if (calls <= failures) {
            throw new IllegalStateException("call " + calls + " failed");
        }
        return calls;
    }

    /** Says what type the first item has: {@code Item} when replay honoured the declared generic type. */
    @DurableStep("finish")
    public String finish(List<Item> items, String outcome) {
        StepCalls.record(context.workflowRunId(), "finish");
        Object first = ((List<?>) items).get(0);
        return first.getClass().getSimpleName() + ":" + outcome;
    }
}
