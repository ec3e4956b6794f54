package org.durableworkflow.sample;

/**
 * What {@code POST /orders} takes and the order workflow's input.
 *
 * @param orderId   the order's id, used in the awaited event id {@code order-<orderId>}
 * @param userEmail where the confirmation would be sent
 */
public record OrderRequest(String orderId, String userEmail) {
}
