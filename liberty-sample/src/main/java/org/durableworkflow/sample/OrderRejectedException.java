package org.durableworkflow.sample;

import org.durableworkflow.api.exception.NonRetryableException;

/** The processing system rejected the order: running the step again cannot help. */
public class OrderRejectedException extends NonRetryableException {

    private static final long serialVersionUID = 1L;

    public OrderRejectedException(String orderId) {
        super("order " + orderId + " was rejected by the processing system");
    }
}
