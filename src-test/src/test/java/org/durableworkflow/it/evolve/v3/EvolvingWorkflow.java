package org.durableworkflow.it.evolve.v3;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.WaitForEventResult;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.it.app.WaitInput;
import org.durableworkflow.it.evolve.EvolveSteps;

import java.time.Duration;

/** A careless version: the step added before the wait without a patch, so older runs no longer replay. */
@ApplicationScoped
public class EvolvingWorkflow {

    @Inject
    WorkflowContext context;
    @Inject
    EvolveSteps steps;

    @Workflow("evolving")
    public String run(WaitInput input) {
        String first = steps.first(input.eventId());
        steps.check(input.eventId());
        WaitForEventResult<String> event = context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(10),
                String.class);
        return "v3:" + first + ":" + event.eventData();
    }
}
