package org.durableworkflow.impl.security;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Why a call is refused: its status and its coded message, never a token.
 *
 * @param status the HTTP status, 401, 403 or 404
 * @param error  the message of the {@code {"error": ...}} body
 */
public record Refusal(int status, String error) {

    /** The exception that answers this refusal, under any JAX-RS application, with or without its providers. */
    public WebApplicationException exception() {
        return new WebApplicationException(error, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error)).build());
    }
}
