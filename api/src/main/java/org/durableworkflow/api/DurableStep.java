package org.durableworkflow.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a CDI bean method a journaled step of the workflow run that calls it.
 *
 * <p>Inside a run, the first call runs the method in its own JTA transaction together with the insert of its
 * journal row, and stores its result as JSON; every replay returns the stored result, read with the method's declared
 * generic return type, without running the method again. Effects on resources enlisted in that transaction happen
 * exactly once; other effects (email, HTTP) happen at least once, so pass {@link WorkflowContext#idempotencyKey()}
 * downstream. An exception thrown by the step rolls its transaction back, is journaled and propagates; on replay the
 * journaled failure is thrown again as a {@link org.durableworkflow.api.exception.StepFailedException}.
 *
 * <p>Outside a run the method is a plain call. A step called from inside another step is part of the outer step.
 * The method must be reachable by the interceptor: not private, not static, not final, on a non-final class; the
 * deployment fails otherwise.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DurableStep {

    /** The step's name in the journal; empty (the default) means the method's name. At most 200 characters. */
    @Nonbinding
    String value() default "";

    /**
     * Declares that every effect of the step is on resources enlisted in its JTA transaction (rows written through
     * the application's transactional data sources, for instance), or that it has none: rolled back, such a step
     * leaves nothing behind and is simply run again. Consecutive transactional steps therefore share one transaction,
     * which commits with the run's next wait, completion or non-transactional step: a commit, a disk flush of the
     * database, saved per step. If a step in a shared transaction throws, the transaction rolls back with the steps
     * before it, and the run executes again from its last commit, each step in a transaction of its own, so that the
     * failure is journaled as usual. Leave it {@code false} (the default) for a step with any other effect (HTTP,
     * email, a file): its journal row commits before the run goes on to another step.
     */
    @Nonbinding
    boolean transactional() default false;

    /**
     * How many times the step is run again when it throws, before its failure is journaled and propagates: each
     * attempt in a transaction of its own, the first after a pause of {@link #retryDelay}, each next one after twice
     * the pause before it. {@code 0} (the default): the first failure is journaled. The pauses hold the thread that
     * executes the run, so keep them to seconds; a longer wait belongs in the workflow
     * ({@link WorkflowContext#sleep}). Every attempt has the same {@link WorkflowContext#idempotencyKey()}. At most
     * 100.
     */
    @Nonbinding
    int retries() default 0;

    /**
     * The pause before the first retry, as {@code "1s"}, {@code "2m"} or ISO-8601 ({@code "PT0.5S"}); doubled before
     * each next one. At most an hour.
     */
    @Nonbinding
    String retryDelay() default "1s";

    /**
     * Exceptions not worth a retry: when the step throws one of these classes (or a subclass), or a
     * {@link org.durableworkflow.api.exception.NonRetryableException}, its failure is journaled at once, whatever
     * {@link #retries}. Empty (the default): every exception is retried.
     */
    @Nonbinding
    Class<? extends Exception>[] noRetryFor() default {};
}
