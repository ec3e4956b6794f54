package org.durableworkflow.sample;

/**
 * The event data of {@code order-<orderId>}: what the processing system says about the order. Unknown fields are
 * ignored; missing ones are {@code null}.
 *
 * @param status         for example {@code "shipped"}
 * @param trackingNumber the parcel's tracking number
 */
public record Delivery(String status, String trackingNumber) {
}
