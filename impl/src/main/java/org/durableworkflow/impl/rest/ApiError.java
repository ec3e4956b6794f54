package org.durableworkflow.impl.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.logging.Logger;

/**
 * Every error answer: {@code {"error": "..."}}, as the Upstash client reads it.
 *
 * @param error what went wrong, never a token or a stack trace
 */
public record ApiError(String error) {

    private static final Logger LOG = Logger.getLogger(ApiError.class.getName());

    /** An answer with {@code status} and this body. */
    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }

    /**
     * The answer when the database is unreachable: {@code 503} with a fixed message, since the driver's own names
     * tables and statements; that detail goes to the log.
     */
    public static Response databaseUnavailable(String detail) {
        LOG.warning(RestProblems.databaseUnavailableLog(detail));
        return response(503, RestProblems.databaseUnavailable());
    }

    /** An exception that answers {@code status} with this body. */
    public static WebApplicationException exception(int status, String message) {
        return new WebApplicationException(message, response(status, message));
    }
}
