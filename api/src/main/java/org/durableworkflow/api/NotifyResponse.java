package org.durableworkflow.api;

/**
 * One waiter resumed by a notify, in the Upstash wire shape. A notify answers one of these per waiter it resumed,
 * in registration order, and an empty list when nobody was waiting.
 *
 * @param waiter            the waiter that was resumed
 * @param messageId         a unique id of this delivery ({@code msg_...})
 * @param error             empty when the waiter was resumed
 * @param workflowRunId     the resumed run
 * @param workflowCreatedAt when the resumed run was started, epoch millis
 */
public record NotifyResponse(Waiter waiter, String messageId, String error, String workflowRunId,
                             long workflowCreatedAt) {

    public NotifyResponse {
        if (waiter == null || messageId == null) {
            throw new IllegalArgumentException("a notify response names its waiter and message id");
        }
        error = error == null ? "" : error;
    }
}
