package org.durableworkflow.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A message the sample would send (an email); kept in a table instead, so that it can be checked. The steps write it
 * with JDBC ({@link OrderSteps}); this entity creates the table and reads it.
 */
@Entity
@Table(name = "SAMPLE_OUTBOX", indexes = @Index(name = "SAMPLE_OUTBOX_ORDER", columnList = "ORDER_ID"))
public class OutboxMessage {

    /**
     * The step that wrote it, {@code runId:sequence}: the key, so that a replayed step cannot write twice, and one
     * the step knows before the insert (a generated id would cost a round trip to read back).
     */
    @Id
    @Column(name = "IDEMPOTENCY_KEY", length = 600)
    private String idempotencyKey;

    @Column(name = "ORDER_ID", length = 200, nullable = false)
    private String orderId;

    @Column(name = "RECIPIENT", length = 320, nullable = false)
    private String recipient;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "BODY", length = 4000, nullable = false)
    private String body;

    /** Nullable, so that a table from an earlier version of the sample can be extended with it. */
    @Column(name = "CREATED_AT")
    private long createdAt;

    protected OutboxMessage() {
    }

    public String getOrderId() {
        return orderId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getKind() {
        return kind;
    }

    public String getBody() {
        return body;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
