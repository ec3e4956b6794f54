package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.api.exception.WorkflowException;

import java.util.logging.Logger;

/** The library's exceptions as answers: bad input 400, unknown workflow 404, database unreachable 503. */
@ApplicationScoped
public class WorkflowExceptionMapper implements ExceptionMapper<WorkflowException> {

    static final String UNAVAILABLE = "DWF0807: the database is unavailable; try again";
    private static final Logger LOG = Logger.getLogger(WorkflowExceptionMapper.class.getName());

    @Override
    public Response toResponse(WorkflowException e) {
        int status;
        if (e instanceof InvalidInputException) {
            status = e.getMessage().startsWith("DWF0215") ? 413 : 400;
        } else if (e instanceof UnknownWorkflowException) {
            status = 404;
        } else if (e instanceof StorageUnavailableException) {
            // the driver's message names tables and statements: it goes to the log, not to the caller
            LOG.warning("DWF0807: a REST call found the database unavailable: " + e.getMessage());
            return ApiError.response(503, UNAVAILABLE);
        } else {
            status = 409;
        }
        return ApiError.response(status, e.getMessage());
    }
}
