package org.durableworkflow.it.failure;

import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.exception.NonRetryableException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Steps of an order that may be rejected, and the step that undoes its reservation. */
@ApplicationScoped
public class FailureSteps {

    /** The ids whose "fails once" step failed already. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

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

    /** Fails the first time it runs for an id, then succeeds: a bug fixed by the time the run is resumed. */
    @DurableStep("fails once")
    public String failsOnce(String id) {
        if (FAILED_ONCE.add(id)) {
            throw new IllegalStateException("the first call for " + id + " fails");
        }
        return "fine";
    }

    @DurableStep("release")
    public String release(String what) {
        return "released:" + what;
    }
}
