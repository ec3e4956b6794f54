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
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.RunQueries;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.engine.result.Awaiting;
import org.durableworkflow.impl.engine.result.ResultWaiters;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.security.Guarded;
import org.durableworkflow.impl.store.ListedRun;

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

    /**
     * Runs, newest first, by {@code status}, {@code workflow}, {@code runId} and {@code eventId} where given, a page
     * at a time: {@code after} the last run of the previous page, or by {@code page} number.
     */
    @GET
    public List<RunSummary> list(@QueryParam("status") String status, @QueryParam("workflow") String workflow,
                                 @QueryParam("runId") String runId, @QueryParam("eventId") String eventId,
                                 @QueryParam("after") String after,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        RunListRequest request = RunListRequest.of(status, workflow, runId, eventId, after, page, size);
        ListedRun last = request.after() == null ? null : queries.listedRun(request.after())
                .orElseThrow(() -> ApiError.exception(400, RestProblems.noRunToPageAfter(request.after())));
        return queries.listRuns(request.filter(), last, request.page().offset(), request.page().size()).stream()
                .map(RunSummary::of).toList();
    }

    /** The run with its steps, its waiters still waiting and how its failure handler stands. */
    @GET
    @Path("{runId: .+}")
    public RunView run(@PathParam("runId") String runId) {
        RunInfo run = engine.runInfo(runId).orElseThrow(() -> ApiError.exception(404, RestProblems.noRun(runId)));
        return RunView.of(run, queries.waiting(runId).stream().map(WaiterSummary::of).toList());
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
