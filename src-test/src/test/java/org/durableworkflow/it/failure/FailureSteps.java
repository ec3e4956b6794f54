package org.durableworkflow.it.failure;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.exception.NonRetryableException;

/** Steps of an order that may be rejected, and the step that undoes its reservation. */
@ApplicationScoped
public class FailureSteps {

    @DurableStep("reserve")
    public String reserve(String id) {
        return "reserved";
    }

    /** Rejected data is not worth a retry, however many retries the step has. */
    @DurableStep(value = "charge", retries = 3, retryDelay = "PT0.05S")
    public String charge(String data) {
        if ("rejected".equals(data)) {
            throw new NonRetryableException("card rejected");
        }
        return "charged:" + data;
    }

    @DurableStep("release")
    public String release(String what) {
        return "released:" + what;
    }
}
