package org.durableworkflow.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.WorkflowContext;

/**
 * The order workflow's steps. Each writes to the outbox in the step's own transaction, together with its journal
 * row, so each message is written exactly once however often the run replays.
 */
@ApplicationScoped
public class OrderSteps {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @Inject
    WorkflowContext context;

    @DurableStep("request processing")
    public String requestProcessing(OrderRequest order) {
        return write(order, "PROCESSING_REQUEST", "please process order " + order.orderId());
    }

    @DurableStep("process order")
    public String processOrder(OrderRequest order, Delivery delivery) {
        return "order " + order.orderId() + " processed: " + describe(delivery);
    }

    @DurableStep("send confirmation email")
    public String sendConfirmationEmail(OrderRequest order, Delivery delivery) {
        return write(order, "CONFIRMATION", "your order " + order.orderId() + " is on its way: " + describe(delivery));
    }

    private String write(OrderRequest order, String kind, String body) {
        String key = context.idempotencyKey();
        em.persist(new OutboxMessage(order.orderId(), order.userEmail(), kind, body, key));
        return key;
    }

    private static String describe(Delivery delivery) {
        return delivery == null ? "no details"
                : "status " + delivery.status() + ", tracking " + delivery.trackingNumber();
    }
}
