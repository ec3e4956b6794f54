package org.durableworkflow.api;

/**
 * The outcome of {@link WorkflowContext#waitForEvent}: either the event's data, or a timeout.
 *
 * @param eventData the notified data read as the requested type; {@code null} on timeout or when the notify carried
 *                  no data
 * @param timeout   {@code true} when the deadline passed before any notify; then {@code eventData} is {@code null}
 * @param <T>       the requested type of the event data
 */
public record WaitForEventResult<T>(T eventData, boolean timeout) {

    public WaitForEventResult {
        if (timeout && eventData != null) {
            throw new IllegalArgumentException("a timed-out wait carries no event data");
        }
    }

    /** The result of a wait whose deadline passed. */
    public static <T> WaitForEventResult<T> timedOut() {
        return new WaitForEventResult<>(null, true);
    }
}
