package org.durableworkflow.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.OnFailure;
import org.durableworkflow.api.WaitForEventResult;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.api.WorkflowFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mission's example: request processing, wait for the processing system's event, confirm. */
@ApplicationScoped
public class OrderWorkflow {

    public static final String NAME = "order-processing";

    @Inject
    WorkflowContext context;
    @Inject
    OrderSteps steps;
    @Inject
    @ConfigProperty(name = "order.wait-timeout", defaultValue = "10m")
    String waitTimeout;

    @Workflow(NAME)
    public String process(OrderRequest order) {
        steps.requestProcessing(order);

        WaitForEventResult<Delivery> result = context.waitForEvent(
                "wait for order processing", "order-" + order.orderId(), waitTimeout, Delivery.class);
        if (result.timeout()) {
            steps.cancelOrder(order);
            return "timed out";
        }
        steps.processOrder(order, result.eventData());
        steps.sendConfirmationEmail(order, result.eventData());
        return "confirmed";
    }

    /** A failed order (a rejected delivery, say) tells its customer, through the outbox, once. */
    @OnFailure(NAME)
    public void onFailure(OrderRequest order, WorkflowFailure failure) {
        steps.recordFailure(order, failure);
    }
}
