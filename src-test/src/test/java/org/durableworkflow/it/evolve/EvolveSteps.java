package org.durableworkflow.it.evolve;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.DurableStep;

/** The steps every version of the evolving workflow may call. */
@ApplicationScoped
public class EvolveSteps {

    @DurableStep("first")
    public String first(String eventId) {
        return "first";
    }

    @DurableStep("check")
    public String check(String eventId) {
        return "checked";
    }
}
