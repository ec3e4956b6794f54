package org.durableworkflow.impl.engine.execute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.durableworkflow.api.StepType;
import org.durableworkflow.api.WorkflowFailure;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.FailureHandlerDefinition;
import org.durableworkflow.impl.definition.WorkflowDefinition;
import org.durableworkflow.impl.engine.end.RunEnding;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.List;

/**
 * A failed run's failure handler ({@code @OnFailure}), run as the tail of the run: when the run fails, a marker
 * holding the {@link WorkflowFailure} is journaled at {@link StepEntity#FAILURE_SEQ}, and every execution of the run
 * from then on invokes the handler instead of the workflow, its durable calls journaled after the marker. The run
 * ends FAILED, with its original error, once the handler returned or threw.
 */
@ApplicationScoped
public class FailureTail {

    @Inject
    Definitions definitions;
    @Inject
    JournalStore journal;
    @Inject
    RunEnding ending;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    BeanManager beanManager;

    /** The failure marker of a run whose handler runs, or {@code null}. */
    StepEntity marker(List<StepEntity> entries) {
        for (StepEntity entry : entries) {
            if (entry.seq() == StepEntity.FAILURE_SEQ && entry.type() == StepType.FAILURE) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Ends a failed run: when it has a handler not run yet, journals the marker (in a transaction of its own) and
     * answers that the run must execute again, into its handler; otherwise fails it, adding a handler's error.
     */
    ReplayAttempt.Ended fail(RunExecution execution, StepEntity marker, String error) {
        if (marker != null) {
            ending.fail(execution.runId(), failureOf(marker).error() + "; its failure handler failed: " + error);
            return ReplayAttempt.Ended.DONE;
        }
        if (definitions.failureHandler(execution.workflowName()) == null) {
            ending.fail(execution.runId(), error);
            return ReplayAttempt.Ended.DONE;
        }
        transactions.required(() -> {
            StepEntity failedStep = journal.lastFailed(execution.runId());
            WorkflowFailure failure = new WorkflowFailure(execution.runId(), execution.workflowName(),
                    failedStep == null ? null : failedStep.name(), failedStep == null ? null : failedStep.seq(),
                    error);
            return journal.insertStepOfRunningRun(new StepEntity(execution.runId(), StepEntity.FAILURE_SEQ,
                    "failure handler", StepType.FAILURE, StepEntity.COMPLETED, json.toJson(failure), null,
                    clock.millis()), execution.createdAt());
        });
        return ReplayAttempt.Ended.TO_FAILURE_HANDLER;
    }

    /** Ends the run FAILED with its original error once its handler returned. */
    void handled(RunExecution execution, StepEntity marker) throws Exception {
        execution.commitWith(transactions, () -> {
            ending.fail(execution.runId(), failureOf(marker).error());
            return null;
        });
    }

    /** Invokes the workflow's failure handler, if it is still deployed, with the run's input when it reads. */
    Object invokeHandler(WorkflowDefinition workflow, String inputJson, StepEntity marker) throws Throwable {
        FailureHandlerDefinition handler = definitions.failureHandler(workflow.name());
        if (handler == null) {
            return null; // the handler was removed by a deployment: the run just ends failed
        }
        Object input = null;
        if (handler.takesInput()) {
            try {
                input = json.fromJson(inputJson, workflow.inputType());
            } catch (RuntimeException unreadable) {
                // a run that failed because its input does not read: the handler gets null
            }
        }
        CreationalContext<?> context = beanManager.createCreationalContext(handler.bean());
        try {
            Object bean = beanManager.getReference(handler.bean(), handler.bean().getBeanClass(), context);
            return handler.invoke(bean, input, failureOf(marker));
        } finally {
            context.release();
        }
    }

    private WorkflowFailure failureOf(StepEntity marker) {
        return (WorkflowFailure) json.fromJson(marker.result(), WorkflowFailure.class);
    }
}
