package org.durableworkflow.impl.engine.waiter;

import org.durableworkflow.api.NotifyResponse;

import java.util.List;

/**
 * What a notify did: the waiters it resumed, and whether it was kept for a wait registered later instead.
 *
 * @param responses one per waiter resumed, in registration order
 * @param kept      whether nobody waited and the event was kept (lookback, or within the retention window)
 */
public record NotifyOutcome(List<NotifyResponse> responses, boolean kept) {

    public static NotifyOutcome delivered(List<NotifyResponse> responses) {
        return new NotifyOutcome(responses, false);
    }

    public static NotifyOutcome keptForLater() {
        return new NotifyOutcome(List.of(), true);
    }
}
