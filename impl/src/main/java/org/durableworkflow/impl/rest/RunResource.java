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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.RunQueries;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.engine.result.Awaiting;
import org.durableworkflow.impl.engine.result.ResultWaiters;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.security.Guarded;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Native endpoints on runs: list them, read one with its steps, await its result, cancel, resume or fork it. */
@ApplicationScoped
@Guarded
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final long SAFETY_MARGIN_MILLIS = 10_000;

    @Inject
    WorkflowEngine engine;
    @Inject
    RunQueries queries;
    @Inject
    JsonCodec json;
    @Inject
    WorkflowConfig config;
    @Inject
    ResultWaiters waiters;

    /** Runs, newest first, by {@code status} and {@code workflow} where given, a page at a time. */
    @GET
    public List<RunSummary> list(@QueryParam("status") String status, @QueryParam("workflow") String workflow,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return queries.listRuns(status(status), workflow == null || workflow.isEmpty() ? null : workflow,
                request.offset(), request.size()).stream().map(RunSummary::of).toList();
    }

    private static RunStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return RunStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.exception(400, RestProblems.unknownStatus());
        }
    }

    @GET
    @Path("{runId: .+}")
    public RunInfo run(@PathParam("runId") String runId) {
        return engine.runInfo(runId)
                .orElseThrow(() -> ApiError.exception(404, RestProblems.noRun(runId)));
    }

    /**
     * Answers once the run ended ({@code 200} with its outcome) or {@code wait} passed ({@code 202} with its
     * status), holding no thread meanwhile.
     */
    @GET
    @Path("{runId: .+}/result")
    public void result(@PathParam("runId") String runId, @QueryParam("wait") String wait,
                       @Suspended AsyncResponse answer) {
        Duration maxWait = ResultAnswers.waitOf(wait);
        AtomicReference<Awaiting> awaiting = new AtomicReference<>();
        // a safety net only: the registry answers at maxWait, but a container may time out suspended calls earlier
        answer.setTimeout(maxWait.toMillis() + SAFETY_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        answer.setTimeoutHandler(late -> {
            Awaiting waiting = awaiting.get();
            if (waiting != null) {
                waiting.giveUp();
            }
        });
        try {
            awaiting.set(waiters.await(runId, maxWait, state -> answer.resume(ResultAnswers.of(state))));
        } catch (UnknownRunException e) {
            throw ApiError.exception(404, RestProblems.noRun(runId));
        }
    }

    @POST
    @Path("{runId: .+}/cancel")
    public Map<String, Object> cancel(@PathParam("runId") String runId) {
        if (engine.runInfo(runId).isEmpty()) {
            throw ApiError.exception(404, RestProblems.noRun(runId));
        }
        return Map.of("workflowRunId", runId, "cancelled", engine.cancel(runId));
    }

    /** Executes a FAILED run again from its journal, its failed step on: 202; 409 when it is not FAILED. */
    @POST
    @Path("{runId: .+}/resume")
    public Response resume(@PathParam("runId") String runId) {
        engine.resume(runId);
        return Response.accepted(Map.of("workflowRunId", runId)).build();
    }

    /**
     * Starts a new run from the run's journal before {@code fromSequence}, given as {@code {"fromSequence": N}}:
     * 202 with the new run's id.
     */
    @POST
    @Path("{runId: .+}/fork")
    @Consumes(MediaType.WILDCARD)
    public Response fork(@PathParam("runId") String runId, InputStream body) throws IOException {
        ForkRequest request = (ForkRequest) json.fromJson(BodyReader.read(body, config.maxPayloadBytes()),
                ForkRequest.class);
        if (request == null || request.fromSequence() == null) {
            throw ApiError.exception(400, RestProblems.forkBody());
        }
        return Response.accepted(Map.of("workflowRunId", engine.fork(runId, request.fromSequence()))).build();
    }

    /** The body of a fork. */
    public record ForkRequest(Integer fromSequence) {
    }
}
