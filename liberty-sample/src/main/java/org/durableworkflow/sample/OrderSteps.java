package org.durableworkflow.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.WorkflowContext;
import org.durableworkflow.api.WorkflowFailure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The order workflow's steps. Each writes to the outbox, if at all, in the step's transaction, together with its
 * journal row, so each message is written exactly once however often the run replays. Having no other effect, they
 * are transactional: steps next to each other share one transaction, and commit together.
 */
@ApplicationScoped
public class OrderSteps {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    WorkflowContext context;

    @DurableStep(value = "request processing", transactional = true)
    public String requestProcessing(OrderRequest order) {
        return write(order, "PROCESSING_REQUEST", "please process order " + order.orderId());
    }

    /** Fails for good when the processing system rejected the order; the workflow's failure handler takes over. */
    @DurableStep(value = "process order", transactional = true)
    public String processOrder(OrderRequest order, Delivery delivery) {
        if (delivery != null && Delivery.REJECTED.equals(delivery.status())) {
            throw new OrderRejectedException(order.orderId());
        }
        return "order " + order.orderId() + " processed: " + describe(delivery);
    }

    @DurableStep(value = "send confirmation email", transactional = true)
    public String sendConfirmationEmail(OrderRequest order, Delivery delivery) {
        return write(order, "CONFIRMATION", "your order " + order.orderId() + " is on its way: " + describe(delivery));
    }

    /** When no delivery came in time: the timeout executes it, in its own transaction. */
    @DurableStep(value = "cancel order", transactional = true)
    public String cancelOrder(OrderRequest order) {
        return write(order, "CANCELLATION", "your order " + order.orderId() + " was cancelled: it was not processed"
                + " in time");
    }

    /** Tells the customer that the order failed, and why; the failure handler calls it. */
    @DurableStep(value = "record failure", transactional = true)
    public String recordFailure(OrderRequest order, WorkflowFailure failure) {
        return write(order, "FAILURE", "your order " + (order == null ? "?" : order.orderId()) + " failed at '"
                + failure.stepName() + "': " + failure.error());
    }

    /**
     * Plain JDBC on the container's data source (the table is {@link OutboxMessage}'s): the insert joins the step's
     * transaction, on the connection the library's journal row uses.
     */
    private String write(OrderRequest order, String kind, String body) {
        String key = context.idempotencyKey();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO SAMPLE_OUTBOX"
                     + " (IDEMPOTENCY_KEY, ORDER_ID, RECIPIENT, KIND, BODY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, order == null ? "?" : order.orderId());
            insert.setString(3, order == null ? "?" : order.userEmail());
            insert.setString(4, kind);
            insert.setString(5, body);
            insert.setLong(6, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox refused the message: " + e.getMessage(), e);
        }
        return key;
    }

    private static String describe(Delivery delivery) {
        return delivery == null ? "no details" : delivery.describe();
    }
}
