package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: malformed JSON is the caller's 400; an unreachable database 503; a real fault is logged and
 * answered 500 without details.
 */
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    WorkflowMetrics metrics;

    @Override
    public Response toResponse(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                return ApiError.response(400, RestProblems.bodyNotJson());
            }
            if (t instanceof PersistenceException || t instanceof SQLException) {
                metrics.databaseUnavailable();
                return ApiError.databaseUnavailable(t.getMessage());
            }
        }
        LOG.log(Level.SEVERE, RestProblems.unexpectedFailure(), e);
        return ApiError.response(500, RestProblems.internalError());
    }
}
