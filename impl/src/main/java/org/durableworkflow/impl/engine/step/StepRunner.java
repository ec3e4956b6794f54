package org.durableworkflow.impl.engine.step;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.run.CrashPoints;
import org.durableworkflow.impl.engine.run.RunExecution;
import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.StepFailedException;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.definition.StepDefinition;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;
import org.durableworkflow.impl.ops.tracing.RunTracing;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * Runs a journaled step: on replay returns the stored result; otherwise runs the work in a new JTA transaction
 * together with the insert of its journal row, a transaction that commits with the run's next durable call.
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class.getName());

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    Transactions transactions;
    @Inject
    JsonCodec json;
    @Inject
    Clock clock;
    @Inject
    Definitions definitions;
    @Inject
    RunTracing tracing;
    @Inject
    Dispatcher dispatcher;
    @Inject
    WorkflowMetrics metrics;

    /** Runs {@code work}, a call of the {@code @DurableStep} method {@code method} on a bean of {@code beanClass}. */
    public Object run(RunExecution execution, Method method, Class<?> beanClass, Callable<?> work) throws Exception {
        return run(execution, definitions.step(method, beanClass), work);
    }

    /**
     * Runs {@code work} as durable call number {@code execution.nextSeq()}, the step {@code step}; a transactional
     * step may share the transaction of the transactional steps before it
     * ({@link RunExecution#inStepTransaction(Transactions, boolean, Callable)}). A step that throws in a transaction of
     * its own is run again up to its {@link StepDefinition#retries()}, each time in a new transaction.
     *
     * @return the work's result, or the journaled one read as the step's result type
     * @throws Exception what the work threw last (its transaction rolled back and the failure journaled), or
     *                   {@link StepFailedException} when replaying a journaled failure
     */
    public Object run(RunExecution execution, StepDefinition step, Callable<?> work) throws Exception {
        String name = step.name();
        int seq = execution.nextSeq();
        StepEntity journaled = execution.replay(seq, StepType.STEP, name);
        if (journaled != null) {
            if (journaled.failed()) {
                throw new StepFailedException(execution.runId(), seq, name, journaled.error());
            }
            return json.fromJson(journaled.result(), step.resultType());
        }
        if (execution.handsOverBefore(step.transactional()) || !dispatcher.accepting()) {
            // once the application stops, a run goes no further than the step it was in: it commits that step and
            // ends its execution, left runnable for the server that claims it when this one releases its lease
            throw execution.handOver(transactions);
        }
        execution.enterStep(seq);
        RunTracing.Span span = tracing.step(execution.runId(), execution.workflowName(), name, "STEP", seq);
        try {
            for (int attempt = 1; ; attempt++) {
                long began = System.nanoTime();
                try {
                    Object returned = execution.inStepTransaction(transactions, step.transactional(), () -> {
                        Object result = callStep(work);
                        CrashPoints.reached("step-done", name);
                        journal(execution, new StepEntity(execution.runId(), seq, name, StepType.STEP,
                                StepEntity.COMPLETED, json.toJson(result), null, clock.millis()));
                        return result;
                    });
                    metrics.stepFinished(execution.workflowName(), name, System.nanoTime() - began);
                    return returned;
                } catch (StepWorkFailed failed) {
                    if (!step.retriesAfter(attempt, failed.cause())) {
                        span.failed(failed.cause());
                        metrics.stepFinished(execution.workflowName(), name, System.nanoTime() - began);
                        throw journalFailure(execution, seq, name, failed.cause());
                    }
                    metrics.stepRetried(execution.workflowName(), name);
                    pauseBeforeRetry(execution, step, attempt, failed.cause());
                }
            }
        } finally {
            span.close();
            execution.exitStep();
        }
    }

    /**
     * Journals a marker (a patch taken, say) as durable call {@code execution.nextSeq()}: an insert with nothing
     * else, so it joins the transaction open on this thread or opens one as a transactional step does, and commits
     * with the run's next durable call.
     */
    public void journalMarker(RunExecution execution, StepType type, String name) throws Exception {
        int seq = execution.nextSeq();
        if (execution.handsOverBefore(true)) {
            throw execution.handOver(transactions);
        }
        execution.inStepTransaction(transactions, true, () -> {
            journal(execution, new StepEntity(execution.runId(), seq, name, type, StepEntity.COMPLETED, "true",
                    null, clock.millis()));
            return null;
        });
    }

    /** Journals the step's failure in a transaction of its own and returns it to throw. */
    private Exception journalFailure(RunExecution execution, int seq, String name, Exception cause) throws Exception {
        execution.commitWith(transactions, () -> {
            journal(execution, new StepEntity(execution.runId(), seq, name, StepType.STEP, StepEntity.FAILED,
                    null, cause.getClass().getName() + ": " + cause.getMessage(), clock.millis()));
            return null;
        });
        return cause;
    }

    /**
     * Waits the pause before retry number {@code attempt}, with no transaction open. Ends the execution instead when
     * the run was cancelled meanwhile, or when the thread is interrupted (the server stopping, say): the failure is
     * not journaled then, and the run, still RUNNING, is resumed elsewhere or later once its lease lapses.
     */
    private void pauseBeforeRetry(RunExecution execution, StepDefinition step, int attempt, Exception cause) {
        Duration pause = step.pauseBefore(attempt);
        LOG.info(() -> StepProblems.retrying(step.name(), execution.runId(), attempt, step.retries() + 1,
                pause.toMillis(), cause));
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw execution.suspend();
        }
        if (!transactions.required(() -> runs.isRunning(execution.runId(), execution.createdAt()))) {
            LOG.fine(() -> StepProblems.stoppedBeforeRetry(execution.runId(), step.name()));
            throw execution.stop(transactions);
        }
    }

    /**
     * Journals the outcome of a durable call in its transaction, unless the run was cancelled (or failed) while the
     * call ran: then the transaction rolls back, the call's effects in it with it (unless the call cancelled its own
     * run: that commits), and the execution ends there, so that no further step begins. The insert itself checks,
     * at no extra round trip on PostgreSQL.
     */
    public void journal(RunExecution execution, StepEntity outcome) {
        if (!journal.insertStepOfRunningRun(outcome, execution.createdAt())) {
            LOG.fine(() -> StepProblems.stoppedAfterCall(outcome.runId(), outcome.name()));
            throw execution.stop(transactions);
        }
    }

    private static Object callStep(Callable<?> work) {
        try {
            return work.call();
        } catch (Error e) {
            throw e; // not the step's business outcome: nothing is journaled and the run fails
        } catch (Exception e) {
            throw new StepWorkFailed(e);
        }
    }

    /** Carries the step's own exception through the transaction, apart from failures of the journal itself. */
    private static final class StepWorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepWorkFailed(Exception cause) {
            super(cause);
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }
}
