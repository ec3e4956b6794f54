package org.durableworkflow.impl.engine.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import org.durableworkflow.api.RunResult;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.time.Durations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code WorkflowClient.awaitResult}: the caller's own thread waits on the registry of {@link ResultWaiters}, like
 * any other caller, and gives up itself when {@code maxWait} passes; no timer is armed for it.
 */
@ApplicationScoped
public class ResultAwaiter {

    @Inject
    ResultWaiters waiters;
    @Inject
    JsonCodec json;

    /** Waits until run {@code runId} ends or {@code maxWait} passes; see {@code WorkflowClient.awaitResult}. */
    public <T> RunResult<T> awaitResult(String runId, Duration maxWait, Class<T> type) {
        checkMaxWait(maxWait);
        CompletableFuture<RunState> answer = new CompletableFuture<>();
        Awaiting waiting = waiters.await(runId, null, answer::complete);
        RunState state;
        try {
            state = answer.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            waiting.giveUp();
            state = answer.join();
        } catch (InterruptedException e) {
            waiting.giveUp();
            Thread.currentThread().interrupt();
            state = answer.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // never completed exceptionally
        }
        return result(state, type);
    }

    /** {@code state} as a result, its output read as {@code type}. */
    <T> RunResult<T> result(RunState state, Class<T> type) {
        if (state.status() != RunStatus.COMPLETED) {
            return new RunResult<>(state.status(), null, state.error());
        }
        try {
            return new RunResult<>(state.status(), type.cast(json.fromJson(state.output(), type)), null);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            throw new InvalidInputException(ResultProblems.outputUnreadable(state.runId(), type, e.getMessage()));
        }
    }

    private static void checkMaxWait(Duration maxWait) {
        if (maxWait == null || maxWait.isNegative()) {
            throw new InvalidInputException(ResultProblems.maxWaitNegative(maxWait));
        }
        if (!maxWait.isZero()) {
            Durations.requirePositive(maxWait, maxWait); // at most 36500 days
        }
    }
}
