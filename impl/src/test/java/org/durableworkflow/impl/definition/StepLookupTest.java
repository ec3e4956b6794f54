package org.durableworkflow.impl.definition;

import org.durableworkflow.api.DurableStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which {@code @DurableStep} a step method called on a bean takes its settings from. */
class StepLookupTest {

    public static class BasePayments {
        public String charge() {
            return "charged";
        }

        @DurableStep(value = "refund", retries = 1)
        public String refund() {
            return "refunded";
        }
    }

    @DurableStep(transactional = true, retries = 2, retryDelay = "5s")
    public static class Payments extends BasePayments {
        public String reserve() {
            return "reserved";
        }
    }

    /** As the container's subclass of the bean, which inherits its class's annotation. */
    public static class PaymentsSubclass extends Payments {
    }

    private final Definitions extension = new Definitions();

    @Test
    void theBeanClassAnnotationAppliesToItsOwnAndItsInheritedMethods() throws Exception {
        for (String method : new String[]{"reserve", "charge"}) {
            StepDefinition step = extension.step(Payments.class.getMethod(method), PaymentsSubclass.class);

            assertEquals(method, step.name());
            assertTrue(step.transactional(), method);
            assertEquals(2, step.retries(), method);
            assertEquals(Duration.ofSeconds(5), step.retryDelay(), method);
        }
    }

    @Test
    void aMethodAnnotationReplacesTheClassOneWhole() throws Exception {
        StepDefinition step = extension.step(Payments.class.getMethod("refund"), PaymentsSubclass.class);

        assertEquals("refund", step.name());
        assertEquals(false, step.transactional());
        assertEquals(1, step.retries());
    }
}
