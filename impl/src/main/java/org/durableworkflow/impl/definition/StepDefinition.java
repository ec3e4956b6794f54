package org.durableworkflow.impl.definition;

import org.durableworkflow.api.exception.NonRetryableException;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;

/**
 * A durable step's journal metadata, computed once per {@code @DurableStep} method.
 *
 * @param name          the step's name in the journal
 * @param resultType    the method's generic return type, to read the journaled result back with
 * @param transactional whether it may share a transaction with the transactional steps next to it
 * @param retries       how many times it is run again when it throws, before its failure is journaled
 * @param retryDelay    the pause before the first retry, doubled before each next one
 * @param noRetryFor    exceptions journaled at their first throw, beside {@link NonRetryableException}
 */
public record StepDefinition(String name, Type resultType, boolean transactional, int retries, Duration retryDelay,
                             List<Class<? extends Exception>> noRetryFor) {

    public StepDefinition {
        noRetryFor = List.copyOf(noRetryFor);
    }

    /** A step with every exception worth a retry. */
    public StepDefinition(String name, Type resultType, boolean transactional, int retries, Duration retryDelay) {
        this(name, resultType, transactional, retries, retryDelay, List.of());
    }

    /** The longest pause before a retry: it holds the thread that executes the run. */
    public static final Duration LONGEST_RETRY_DELAY = Duration.ofHours(1);
    /** The most retries a step may have. */
    public static final int MOST_RETRIES = 100;

    /** A step that is not transactional and is not retried, as {@code context.run} makes. */
    public static StepDefinition plain(String name, Type resultType) {
        return new StepDefinition(name, resultType, false, 0, Duration.ZERO);
    }

    /** Whether the step is run again after it threw {@code failure} on attempt {@code attempt} (from 1). */
    public boolean retriesAfter(int attempt, Exception failure) {
        return attempt <= retries && !(failure instanceof NonRetryableException)
                && noRetryFor.stream().noneMatch(type -> type.isInstance(failure));
    }

    /** The pause before retry number {@code retry} (from 1): the delay, doubled for each retry before it. */
    public Duration pauseBefore(int retry) {
        Duration pause = retryDelay.multipliedBy(1L << Math.min(retry - 1, 20));
        return pause.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : pause;
    }
}
