package org.durableworkflow.it.stop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.Workflow;

/** Twenty steps of a second each, with no wait between them: a run that is still executing when its server stops. */
@ApplicationScoped
public class SlowWorkflow {

    public static final int STEPS = 20;

    @Inject
    SlowSteps steps;

    @Workflow("slow-steps")
    public int run() {
        int sum = 0;
        for (int i = 1; i <= STEPS; i++) {
            sum += steps.slow(i);
        }
        return sum;
    }
}
