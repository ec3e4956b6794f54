package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers the runtime's own refusals (404, 405, 415...) with a JSON body too. */
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        return ApiError.response(response.getStatus(), reason == null || reason.isEmpty()
                ? "HTTP " + response.getStatus() : reason);
    }
}
