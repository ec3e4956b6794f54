package org.durableworkflow.it.stop;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.DurableStep;

/** A step that takes a second: long enough for an application to stop between two of them. */
@ApplicationScoped
public class SlowSteps {

    @DurableStep("slow")
    public int slow(int number) {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in step " + number, e);
        }
        return number;
    }
}
