package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.impl.engine.end.RunEnding;
import org.durableworkflow.impl.engine.repair.RunRepair;
import org.durableworkflow.impl.engine.start.RunStarter;

import java.util.Optional;

/**
 * The engine's front for the REST resources and the client: starts runs ({@link RunStarter}), cancels them
 * ({@link RunEnding}), repairs them ({@link RunRepair}) and reads them ({@link RunQueries}). It holds no logic of its own; nothing in the engine calls it.
 */
@ApplicationScoped
public class WorkflowEngine {

    @Inject
    RunStarter starter;
    @Inject
    RunEnding ending;
    @Inject
    RunQueries queries;
    @Inject
    RunRepair repair;

    /** Starts a run, or returns {@code runId} unchanged when that run exists already. */
    public String start(String workflowName, Object input, String runId) {
        return starter.start(workflowName, input, runId);
    }

    /**
     * Starts a run whose input arrives as JSON text (from REST): refused with 400 when it is not JSON of the
     * workflow's input type, before anything is stored.
     */
    public String startFromJson(String workflowName, String inputJson, String runId) {
        return starter.startFromJson(workflowName, inputJson, runId);
    }

    /** Cancels a run that is not final; {@code false} when it was final already or does not exist. */
    public boolean cancel(String runId) {
        return ending.cancel(runId);
    }

    /** Executes a FAILED run again from its journal, its failed step on ({@link RunRepair#resume}). */
    public void resume(String runId) {
        repair.resume(runId);
    }

    /** A new run from the run's journal before {@code fromSequence} ({@link RunRepair#fork}); its id. */
    public String fork(String runId, int fromSequence) {
        return repair.fork(runId, fromSequence);
    }

    /** The run with its journal. */
    public Optional<RunInfo> runInfo(String runId) {
        return queries.runInfo(runId);
    }
}
