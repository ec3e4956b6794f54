package org.durableworkflow.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The durable operations of the workflow run executing on the current thread. Inject it anywhere
 * ({@code @Inject WorkflowContext context}); its methods fail with {@link IllegalStateException} when called outside
 * a run.
 *
 * <p>Every method here is a durable call: it takes the run's next sequence number and is journaled, so on replay it
 * returns the journaled outcome instead of acting again. A replayed call whose name or kind differs from the journal
 * fails the run with a {@link org.durableworkflow.api.exception.NonDeterminismException}.
 *
 * <p>Waiting holds no thread: a wait with no outcome yet stores a waiter, arms a persistent timer and unwinds the
 * workflow method with an internal {@link Error}. Workflow code must not catch {@link Throwable} or {@link Error}
 * around a wait; a run that swallows the signal is failed with a message saying so.
 */
public interface WorkflowContext {

    /** The id of the current run. */
    String workflowRunId();

    /** The name of the current run's workflow. */
    String workflowName();

    /**
     * A key that is stable across replays and retries of the current step, {@code runId:sequence}, to pass to
     * downstream systems for deduplication. Inside a step it names that step; outside, the next durable call.
     */
    String idempotencyKey();

    /**
     * Runs {@code step} as a journaled step, like a {@link DurableStep} method.
     *
     * @param stepName   the step's name in the journal
     * @param resultType the type to read the journaled result back as
     * @param step       the work; its result is stored as JSON
     * @return the step's result, or the journaled one on replay
     */
    <T> T run(String stepName, Class<T> resultType, Callable<T> step);

    /** Runs {@code step} as a journaled step with no result. */
    void run(String stepName, Runnable step);

    /**
     * Suspends the run until {@code eventId} is notified or {@code timeout} passes.
     *
     * @param stepName  the wait's name in the journal
     * @param eventId   the event id to wait for: not blank, at most the configured id length
     * @param timeout   positive; the deadline is fixed when the wait is first reached, not on replay
     * @param eventType the type to read the event data as: JSON when the data is one JSON value; the raw text,
     *                  whole, when the type is {@link String} or {@link Object} and it is not (so "123 Main St" is
     *                  not read as the number 123)
     * @return the event data, or {@code timeout() == true} with {@code null} data
     */
    <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, Duration timeout, Class<T> eventType);

    /**
     * As {@link #waitForEvent(String, String, Duration, Class)}, with the timeout as {@code "30s"}, {@code "10m"},
     * {@code "2h"}, {@code "7d"} or a number of seconds.
     *
     * @throws org.durableworkflow.api.exception.InvalidInputException for any other timeout text, before anything is stored
     */
    <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, String timeout, Class<T> eventType);

    /** As {@link #waitForEvent(String, String, Duration, Class)} with the configured default timeout (7 days). */
    <T> WaitForEventResult<T> waitForEvent(String stepName, String eventId, Class<T> eventType);

    /**
     * Notifies {@code eventId} as a journaled step: resumes every run waiting for it, in registration order. On
     * replay it returns the journaled responses and notifies nobody.
     *
     * @param eventData a {@link String} is sent verbatim, anything else as JSON, {@code null} as no data
     * @return one response per resumed waiter; empty when nobody waited
     */
    List<NotifyResponse> notify(String stepName, String eventId, Object eventData);

    /** Suspends the run for {@code duration}, holding no thread; the deadline is fixed when first reached. */
    void sleep(String stepName, Duration duration);

    /**
     * Whether the run takes the new code of a patch at this point: guards code added to a workflow while runs of it
     * are stored, as in {@code if (context.patched("add-fraud-check")) steps.fraudCheck(order);}.
     *
     * <p>{@code true} in a run that reaches this point with the patch deployed: that decision is journaled (one
     * insert, in the transaction of the run's next durable call) and replays as {@code true}. {@code false} in a run
     * whose journal shows that it passed this point before the patch existed (another durable call is journaled
     * here): the call then takes no sequence number, so the old run's journal replays unchanged. A run that never
     * reaches the call pays nothing.
     *
     * @param patchId names the patch; not blank, at most 200 characters
     */
    boolean patched(String patchId);

    /**
     * Retires a patch once no run that took the old code is stored: put it where {@link #patched} was, and keep the
     * new code unguarded. A run that journaled the patch's marker here replays past it; a new run journals nothing.
     * Once no stored run has the marker, the call can go too.
     */
    void deprecatePatch(String patchId);

    /**
     * Suspends the run until {@code until}, holding no thread, with the same timer as {@link #sleep}: the deadline
     * is stored when the call is first reached, and on replay the call returns at once. An instant in the past
     * (or now) resumes the run at once, through the same timer.
     *
     * @param stepName the sleep's name in the journal
     * @param until    when to resume; at most 36500 days ahead
     * @throws org.durableworkflow.api.exception.InvalidInputException when {@code until} is {@code null} or more
     *         than 36500 days ahead, before anything is stored
     */
    void sleepUntil(String stepName, Instant until);
}
