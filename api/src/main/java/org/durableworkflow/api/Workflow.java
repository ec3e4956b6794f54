package org.durableworkflow.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the entry method of a durable workflow on a CDI bean.
 *
 * <p>The method takes no parameter or exactly one (the run's input, read from JSON with its declared generic type)
 * and may return a value, which is stored as the run's output. It must be public, not static, and its name must be
 * unique in the application. A bad definition fails the deployment with a coded message (docs/error-codes.md).
 *
 * <p>The method is executed by replay: every time the run resumes, it is called again from the top and every durable
 * call it made before returns its journaled outcome. It must therefore be deterministic: the same durable calls, in
 * the same order, with the same names, for the same input and the same journaled outcomes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Workflow {

    /** The workflow's name, used to start it and stored with every run. Not blank; at most 200 characters. */
    String value();
}
