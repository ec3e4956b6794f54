package org.durableworkflow.sample;

/**
 * The event data of {@code order-<orderId>}: what the processing system says about the order, as Upstash's own
 * example sends it ({@code {"deliveryTime": "2 days"}}) or with more. Unknown fields are ignored; missing ones are
 * {@code null}.
 *
 * @param status         for example {@code "shipped"}; {@code "rejected"} fails the order
 * @param trackingNumber the parcel's tracking number
 * @param deliveryTime   when the parcel arrives, as {@code "2 days"}
 */
public record Delivery(String status, String trackingNumber, String deliveryTime) {

    /** The status that makes the "process order" step fail. */
    public static final String REJECTED = "rejected";

    /** What is known, for the outbox: "delivery in 2 days", "status shipped, tracking T1", or "no details". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "status ", status);
        append(text, "tracking ", trackingNumber);
        append(text, "delivery in ", deliveryTime);
        return text.length() == 0 ? "no details" : text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(text.length() == 0 ? "" : ", ").append(label).append(value);
        }
    }
}
