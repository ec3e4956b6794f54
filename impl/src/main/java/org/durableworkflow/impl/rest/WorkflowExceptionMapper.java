package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.StorageUnavailableException;
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.api.exception.WorkflowException;

/** The library's exceptions as answers: bad input 400, unknown workflow or run 404, a run in the wrong state 409, database unreachable 503. */
@ApplicationScoped
public class WorkflowExceptionMapper implements ExceptionMapper<WorkflowException> {

    @Inject
    WorkflowMetrics metrics;

    @Override
    public Response toResponse(WorkflowException e) {
        int status;
        if (e instanceof InvalidInputException) {
            status = RestProblems.isTooLarge(e.getMessage()) ? 413 : 400;
        } else if (e instanceof UnknownWorkflowException || e instanceof UnknownRunException) {
            status = 404;
        } else if (e instanceof StorageUnavailableException) {
            metrics.databaseUnavailable();
            return ApiError.databaseUnavailable(e.getMessage());
        } else {
            status = 409;
        }
        return ApiError.response(status, e.getMessage());
    }
}
