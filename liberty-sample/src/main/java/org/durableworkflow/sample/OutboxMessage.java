package org.durableworkflow.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A message the sample would send (an email); kept in a table instead, so that it can be checked. */
@Entity
@Table(name = "SAMPLE_OUTBOX", indexes = @Index(name = "SAMPLE_OUTBOX_ORDER", columnList = "ORDER_ID"))
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ORDER_ID", length = 200, nullable = false)
    private String orderId;

    @Column(name = "RECIPIENT", length = 320, nullable = false)
    private String recipient;

    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;

    @Column(name = "BODY", length = 4000, nullable = false)
    private String body;

    /** The step that wrote it, {@code runId:sequence}: unique, so a replayed step cannot write twice. */
    @Column(name = "IDEMPOTENCY_KEY", length = 600, nullable = false, unique = true)
    private String idempotencyKey;

    protected OutboxMessage() {
    }

    public OutboxMessage(String orderId, String recipient, String kind, String body, String idempotencyKey) {
        this.orderId = orderId;
        this.recipient = recipient;
        this.kind = kind;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
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
}
