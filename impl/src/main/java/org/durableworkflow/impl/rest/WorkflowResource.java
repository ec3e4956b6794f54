package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.RunQueries;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.security.Guarded;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Lists the workflows deployed, and starts one by name: {@code POST /workflows/{name}/runs} with the input as JSON. */
@ApplicationScoped
@Guarded
@Path("workflows")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    WorkflowEngine engine;
    @Inject
    WorkflowConfig config;
    @Inject
    RunQueries queries;

    /** The workflows deployed in this application, by name, with whether each has a failure handler. */
    @GET
    public List<Map<String, Object>> list() {
        return queries.workflows().entrySet().stream()
                .map(w -> Map.<String, Object>of("name", w.getKey(), "failureHandler", w.getValue())).toList();
    }

    /**
     * Answers 202 with the run id. A caller-chosen {@code workflowRunId} makes the call idempotent: a second call
     * with it starts nothing and answers the same id.
     */
    @POST
    @Path("{name}/runs")
    @Consumes(MediaType.WILDCARD)
    public Response start(@PathParam("name") String name, @QueryParam("workflowRunId") String runId,
                          InputStream body) throws IOException {
        String id = engine.startFromJson(name, BodyReader.read(body, config.maxPayloadBytes()), runId);
        return Response.accepted(Map.of("workflowRunId", id)).build();
    }
}
