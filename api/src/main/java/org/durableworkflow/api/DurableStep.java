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
}
