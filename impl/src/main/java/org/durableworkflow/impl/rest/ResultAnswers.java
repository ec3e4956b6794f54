package org.durableworkflow.impl.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.time.Durations;

import java.io.StringReader;
import java.time.Duration;
import java.util.regex.Pattern;

/** The {@code wait} of {@code GET /runs/{id}/result}, and its answers. */
final class ResultAnswers {

    /** The longest wait a caller may ask for. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** The wait when the call names none. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Pattern ZERO = Pattern.compile("0{1,12}[smhd]?");

    private ResultAnswers() {
    }

    /**
     * {@code text} as a wait: a duration as elsewhere ({@code 30s}, {@code 2m}, a number of seconds, ISO-8601),
     * zero, or none for {@link #DEFAULT_WAIT}; at most {@link #LONGEST_WAIT}.
     *
     * @throws jakarta.ws.rs.WebApplicationException {@code 400 DWF0816} for anything else
     */
    static Duration waitOf(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_WAIT;
        }
        Duration wait;
        if (ZERO.matcher(text.trim()).matches()) {
            wait = Duration.ZERO;
        } else {
            try {
                wait = Durations.parse(text);
            } catch (InvalidInputException e) {
                throw badWait(text);
            }
        }
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw badWait(text);
        }
        return wait;
    }

    private static RuntimeException badWait(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return ApiError.exception(400, RestProblems.badWait(shown));
    }

    /** {@code 200} with the outcome of a run that ended, {@code 202} with the status of one that has not. */
    static Response of(RunState state) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("workflowRunId", state.runId())
                .add("status", state.status() == null ? "UNKNOWN" : state.status().name()) // given up before a read
                .add("output", state.output() == null ? JsonValue.NULL : jsonValue(state.output()));
        if (state.error() == null) {
            body.addNull("error");
        } else {
            body.add("error", state.error());
        }
        return Response.status(state.ended() ? 200 : 202).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.build().toString()).build();
    }

    /** The stored output as the JSON value it is; as a string if it were not JSON. */
    private static JsonValue jsonValue(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            return Json.createValue(text);
        }
    }
}
