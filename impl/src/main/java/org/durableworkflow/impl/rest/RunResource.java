package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.impl.engine.WorkflowEngine;

import java.util.Map;

/** Native endpoints on runs: read one with its steps, cancel one. */
@ApplicationScoped
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    WorkflowEngine engine;

    @GET
    @Path("{runId: .+}")
    public RunInfo run(@PathParam("runId") String runId) {
        return engine.runInfo(runId)
                .orElseThrow(() -> ApiError.exception(404, "DWF0806: no run '" + runId + "'"));
    }

    @POST
    @Path("{runId: .+}/cancel")
    public Map<String, Object> cancel(@PathParam("runId") String runId) {
        if (engine.runInfo(runId).isEmpty()) {
            throw ApiError.exception(404, "DWF0806: no run '" + runId + "'");
        }
        return Map.of("workflowRunId", runId, "cancelled", engine.cancel(runId));
    }
}
