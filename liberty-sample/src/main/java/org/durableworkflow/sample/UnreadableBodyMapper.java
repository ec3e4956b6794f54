package org.durableworkflow.sample;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Map;

/**
 * A body that JSON-B cannot read as the resource's parameter (not JSON, or JSON of another shape) is the caller's
 * mistake: 400 with the reason, where the runtime would answer 500.
 */
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "the body is not a JSON order: " + e.getMessage())).build();
    }
}
