package org.durableworkflow.impl.engine.start;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.api.exception.UnknownWorkflowException;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.WorkflowDefinition;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.run.Ids;
import org.durableworkflow.impl.engine.run.Inputs;
import org.durableworkflow.impl.engine.run.Leases;
import org.durableworkflow.impl.engine.run.RunSnapshot;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.ops.tracing.RunTracing;
import org.durableworkflow.impl.store.Conflicts;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.List;

/**
 * Starts runs: checks the workflow and its input, inserts the run and hands its first execution over, or, outside
 * any transaction, executes it on the caller's thread in the transaction of the insert ({@code executor.in-caller}).
 */
@ApplicationScoped
public class RunStarter {

    @Inject
    RunTracing tracing;
    @Inject
    Definitions definitions;
    @Inject
    RunStore runs;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    WorkflowConfig config;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Executions executions;
    @Inject
    WorkflowMetrics metrics;

    /** Starts a run, or returns {@code runId} unchanged when that run exists already. */
    public String start(String workflowName, Object input, String runId) {
        WorkflowDefinition definition = definitions.workflow(workflowName);
        if (definition == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        if (input == null && definition.inputType() instanceof Class<?> type && type.isPrimitive()) {
            // refused now, not when the run would fail unboxing it
            throw new InvalidInputException(StartProblems.nullForPrimitive(workflowName, type));
        }
        String id = runId == null ? Ids.runId() : Inputs.id("workflowRunId", runId, config.maxIdLength());
        String inputJson = Inputs.payload("input", json.toJson(input), config.maxPayloadBytes());
        if (runId == null && dispatcher.mayExecuteInCaller() && startExecuting(newRun(id, workflowName, inputJson))) {
            metrics.runStarted(workflowName);
            return id;
        }
        try {
            return transactions.requiredRetryingConflicts(() -> {
                // an id generated here is new: only a caller's id needs the read
                if (runId == null || runs.findRun(id) == null) {
                    RunEntity run = newRun(id, workflowName, inputJson);
                    runs.insertRun(run);
                    transactions.afterCommit(() -> {
                        metrics.runStarted(workflowName);
                        executions.submit(id, new RunSnapshot(run, List.of()));
                    });
                }
                return id;
            });
        } catch (RuntimeException e) {
            // two starts with one id at once: the one whose insert lost finds the run the other committed (not
            // within the caller's transaction, which the failed insert spoiled)
            if (runId != null && Conflicts.isDuplicateKey(e) && !transactions.active()
                    && transactions.required(() -> runs.findRun(id)) != null) {
                return id;
            }
            throw e;
        }
    }

    private RunEntity newRun(String id, String workflowName, String inputJson) {
        long now = clock.millis();
        return new RunEntity(id, workflowName, inputJson, now, config.serverId(), Leases.expiryFrom(config, now),
                tracing.currentTraceParent());
    }

    /**
     * Inserts {@code run} and executes it on this thread in the same transaction, through its transactional steps
     * ({@link Executions#executeCarrying}): a start, a first step and a wait commit once.
     *
     * @return whether it committed; if not, nothing is stored
     */
    private boolean startExecuting(RunEntity run) {
        try {
            transactions.beginWith(() -> {
                runs.insertRun(run);
                return null;
            });
        } catch (Exception e) {
            return false; // the start the usual way reports what the database said
        }
        return executions.executeCarrying(new RunSnapshot(run, List.of()), true);
    }

    /**
     * Starts a run whose input arrives as JSON text (from REST): refused with 400 when it is not JSON of the
     * workflow's input type, before anything is stored.
     */
    public String startFromJson(String workflowName, String inputJson, String runId) {
        WorkflowDefinition definition = definitions.workflow(workflowName);
        if (definition == null) {
            throw new UnknownWorkflowException(workflowName);
        }
        Object input = null;
        if (definition.inputType() != null && inputJson != null) {
            Inputs.depth("input", inputJson, config.maxJsonDepth());
            if (!JsonCodec.isOneJsonValue(inputJson)) {
                throw notJsonOf(definition); // JSON-B would read the first value and ignore what follows it
            }
            try {
                input = json.fromJson(inputJson, definition.inputType());
            } catch (RuntimeException e) {
                throw notJsonOf(definition);
            }
        }
        return start(workflowName, input, runId);
    }

    private static InvalidInputException notJsonOf(WorkflowDefinition definition) {
        return new InvalidInputException(StartProblems.notJsonOf(definition.inputType().getTypeName()));
    }
}
