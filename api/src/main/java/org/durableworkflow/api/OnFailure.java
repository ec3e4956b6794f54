package org.durableworkflow.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a CDI bean method the failure handler of the named workflow: it runs once when a run of that workflow
 * fails (a step's failure propagated out of the workflow method, a nondeterminism error, input it cannot read), as
 * the tail of the run, under its id and journal. Its durable calls ({@link DurableStep} methods,
 * {@link WorkflowContext}) are journaled as the workflow's are, so a crash during the handler resumes the handler,
 * not the workflow. The run ends {@code FAILED} with its original error once the handler returned; if the handler
 * throws, that is added to the error.
 *
 * <p>The method is public, and takes the workflow's input and a {@link WorkflowFailure}, or only the
 * {@link WorkflowFailure}. At most one handler per workflow; a handler naming no workflow fails the deployment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnFailure {

    /** The name of the workflow, as in its {@link Workflow}. */
    String value();
}
