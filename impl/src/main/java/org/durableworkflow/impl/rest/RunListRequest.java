package org.durableworkflow.impl.rest;

import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.RunFilter;

import java.util.Arrays;

/**
 * The query of {@code GET /runs}: the filter ({@code status}, {@code workflow}, {@code runId}, {@code eventId}) and
 * where the page starts, either {@code after} a run (keyset paging, the console's way) or at a {@code page} number.
 * Bad parameters are the caller's 400.
 */
record RunListRequest(RunFilter filter, String after, PageRequest page) {

    static RunListRequest of(String status, String workflow, String runId, String eventId, String after,
                             String page, String size) {
        PageRequest request = PageRequest.of(page, size);
        if (given(after) && request.page() > 0) {
            throw ApiError.exception(400, RestProblems.afterWithPage());
        }
        return new RunListRequest(new RunFilter(status(status), orNull(workflow), orNull(runId), orNull(eventId)),
                orNull(after), request);
    }

    private static RunStatus status(String text) {
        if (!given(text)) {
            return null;
        }
        return Arrays.stream(RunStatus.values()).filter(s -> s.name().equals(text)).findFirst()
                .orElseThrow(() -> ApiError.exception(400, RestProblems.unknownStatus()));
    }

    private static boolean given(String text) {
        return text != null && !text.isEmpty();
    }

    private static String orNull(String text) {
        return given(text) ? text : null;
    }
}
