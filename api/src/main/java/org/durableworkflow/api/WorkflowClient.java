package org.durableworkflow.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts, notifies and inspects workflow runs from any bean of the application ({@code @Inject WorkflowClient}).
 *
 * <p>Each method runs in the caller's JTA transaction when there is one (a run started or resumed that way begins
 * only after that transaction commits), and in its own otherwise. In its own, {@code start} and a {@code notify}
 * that resumes one run execute that run on the caller's thread, in the same transaction, through its transactional
 * steps ({@link DurableStep#transactional()}) up to its next wait, its end or a step that is not transactional, and
 * return once that transaction committed; {@code durable-workflow.executor.in-caller=false} leaves every execution to
 * the executor instead.
 */
public interface WorkflowClient {

    /**
     * Starts a run of the named workflow with a new {@code wfr_...} id.
     *
     * @param input the run's input, stored as JSON; {@code null} for a workflow method without parameter
     * @throws org.durableworkflow.api.exception.UnknownWorkflowException when no {@link Workflow} has that name
     */
    String start(String workflowName, Object input);

    /**
     * Starts a run with a caller-chosen id; when a run with that id exists already, nothing is started and its id
     * is returned. A run deleted after it ended ({@code durable-workflow.runs.retention}) no longer exists.
     */
    String start(String workflowName, Object input, String workflowRunId);

    /**
     * Resumes every run waiting for {@code eventId}, in registration order, with {@code eventData}.
     *
     * @param eventData a {@link String} is delivered verbatim, anything else as JSON, {@code null} as no data
     * @return one response per resumed waiter; empty when nobody waited: the event is then lost, unless
     *         {@code durable-workflow.events.retention} keeps it for a wait registered within that window
     */
    List<NotifyResponse> notify(String eventId, Object eventData);

    /**
     * Notifies one run ("lookback"): resumes its wait for {@code eventId}, or, when it does not wait for the id
     * yet, keeps the event until its first wait for the id takes it (at most
     * {@code durable-workflow.events.lookback-retention}, 7 days by default). No event is lost to a notify sent
     * just before the wait is reached.
     *
     * @param workflowRunId the run; it may not exist yet when it will be started later with that id
     * @return one response when the run was waiting and is resumed; empty when the event was kept
     * @throws org.durableworkflow.api.exception.WorkflowException when the run has ended
     */
    List<NotifyResponse> notifyRun(String workflowRunId, String eventId, Object eventData);

    /** The runs waiting for {@code eventId}, in registration order. */
    List<Waiter> getWaiters(String eventId);

    /** The run with its journal, if it exists. */
    Optional<RunInfo> getRun(String workflowRunId);

    /**
     * Cancels a run that is not final: its waiter is settled as cancelled and it never resumes. A run executing
     * now stops at its next durable call; a step that ends after the cancel is not journaled and its transaction
     * rolls back, unless that step cancelled its own run.
     *
     * @return {@code true} when this call cancelled it, {@code false} when it was final already or does not exist
     */
    boolean cancel(String workflowRunId);

    /**
     * Executes a {@code FAILED} run again from its journal: the steps that succeeded replay, the step that failed
     * (and everything after it) runs again, with the code deployed now. Use it after deploying a fix.
     *
     * @throws org.durableworkflow.api.exception.UnknownRunException when there is no such run
     * @throws org.durableworkflow.api.exception.WorkflowException when the run is not {@code FAILED}
     */
    void resume(String workflowRunId);

    /**
     * Starts a new run of the same workflow and input whose journal is a copy of the original's entries before
     * {@code fromSequence} (the {@code sequence} of {@link StepInfo}); it executes from there, running that call
     * again (registering a wait anew, say). The original run is left as it is, whatever its status.
     *
     * @param fromSequence from 1 to one past the last journaled sequence
     * @return the new run's id
     * @throws org.durableworkflow.api.exception.UnknownRunException when there is no such run
     * @throws org.durableworkflow.api.exception.InvalidInputException when {@code fromSequence} is outside the journal
     */
    String fork(String workflowRunId, int fromSequence);

    /**
     * Waits, on the calling thread, until the run ends or {@code maxWait} passes, whichever comes first, and answers
     * where it stands then. A run that ends on this server is answered as soon as its ending committed; one that
     * ends on another server of the cluster within about half a second (one check of the database for every run
     * awaited on this server). The waiting caller holds nothing but its own thread: no transaction, no lock.
     *
     * @param workflowRunId the run
     * @param maxWait       how long to wait at most; zero answers at once
     * @param type          the type to read a completed run's output as (the JSON the workflow method's result was
     *                      stored as); {@link Object} reads it as maps, lists, strings, numbers and booleans
     * @return the final status with its output or error once the run ended, else the current status
     *         ({@link RunResult#ended()} {@code false}) with neither
     * @throws org.durableworkflow.api.exception.UnknownRunException when no run has that id
     * @throws org.durableworkflow.api.exception.InvalidInputException when {@code maxWait} is {@code null},
     *         negative or longer than 36500 days, or when the output cannot be read as {@code type}
     * @throws org.durableworkflow.api.exception.StorageUnavailableException when the database cannot be read
     */
    <T> RunResult<T> awaitResult(String workflowRunId, Duration maxWait, Class<T> type);
}
