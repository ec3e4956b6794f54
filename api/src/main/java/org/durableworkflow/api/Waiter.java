package org.durableworkflow.api;

import java.util.List;
import java.util.Map;

/**
 * A run waiting for an event id, in the Upstash wire shape.
 *
 * @param url            where the waiting workflow lives (this server's run resource)
 * @param deadline       when the wait times out, in unix <b>seconds</b>
 * @param headers        carries {@code Upstash-Workflow-Runid} and {@code Upstash-Workflow-Url}, as the anchor does
 * @param timeoutUrl     optional, never set by this library
 * @param timeoutBody    optional, never set by this library
 * @param timeoutHeaders optional, never set by this library
 */
public record Waiter(String url, long deadline, Map<String, List<String>> headers,
                     String timeoutUrl, String timeoutBody, Map<String, List<String>> timeoutHeaders) {

    /** The header naming the waiting run, as the Upstash client reads it. */
    public static final String RUN_ID_HEADER = "Upstash-Workflow-Runid";
    /** The header naming the workflow's url, as the Upstash client reads it. */
    public static final String URL_HEADER = "Upstash-Workflow-Url";

    public Waiter {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A waiter of run {@code workflowRunId} whose run resource is at {@code url}. */
    public static Waiter of(String workflowRunId, String url, long deadlineSeconds) {
        return new Waiter(url, deadlineSeconds,
                Map.of(RUN_ID_HEADER, List.of(workflowRunId), URL_HEADER, List.of(url)), null, null, null);
    }

    /** The id of the waiting run, read from its headers. */
    public String workflowRunId() {
        List<String> ids = headers.get(RUN_ID_HEADER);
        return ids == null || ids.isEmpty() ? null : ids.get(0);
    }
}
