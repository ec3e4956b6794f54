package org.durableworkflow.it.app;

/**
 * Input of the test workflows.
 *
 * @param eventId the event id to wait for
 * @param timeout a duration string, or {@code null} for the default timeout
 * @param target  an event id to notify, for the workflow that notifies
 */
public record WaitInput(String eventId, String timeout, String target) {

    public static WaitInput waitFor(String eventId, String timeout) {
        return new WaitInput(eventId, timeout, null);
    }
}
