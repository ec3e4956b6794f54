package org.durableworkflow.it.evolve.v2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.WaitForEventResult;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.it.app.WaitInput;
import org.durableworkflow.it.evolve.EvolveSteps;

import java.time.Duration;

/** The second version: a step added before the wait, guarded by a patch. */
@ApplicationScoped
public class EvolvingWorkflow {

    @Inject
    WorkflowContext context;
    @Inject
    EvolveSteps steps;

    @Workflow("evolving")
    public String run(WaitInput input) {
        String first = steps.first(input.eventId());
        boolean checked = context.patched("add-check");
        if (checked) {
            steps.check(input.eventId());
        }
        WaitForEventResult<String> event = context.waitForEvent("wait", input.eventId(), Duration.ofMinutes(10),
                String.class);
        return (checked ? "v2-checked:" : "v2-plain:") + first + ":" + event.eventData();
    }
}
