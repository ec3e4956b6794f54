package org.durableworkflow.impl.definition;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The catalogue of deployment problems, each with its code. docs/error-codes.md lists every code. */
final class DefinitionProblems {

    private DefinitionProblems() {
    }

    static String stepPrivate(Method m) {
        return "DWF0001: @DurableStep method " + signature(m) + " must not be private: the interceptor cannot reach it";
    }

    static String stepStatic(Method m) {
        return "DWF0002: @DurableStep method " + signature(m) + " must not be static: the interceptor cannot reach it";
    }

    static String stepFinal(Method m) {
        return "DWF0003: @DurableStep method " + signature(m) + " must not be final: the interceptor cannot reach it";
    }

    static String stepOnFinalClass(Method m) {
        return "DWF0004: @DurableStep method " + signature(m) + " is on a final class, which cannot be intercepted";
    }

    static String workflowBlankName(Method m) {
        return "DWF0010: @Workflow method " + signature(m) + " needs a name that is not blank and at most 200"
                + " characters";
    }

    static String workflowParameters(Method m) {
        return "DWF0011: @Workflow method " + signature(m) + " must take no parameter or exactly one (its input),"
                + " not " + m.getParameterCount();
    }

    static String workflowNotPublic(Method m) {
        return "DWF0012: @Workflow method " + signature(m) + " must be public and not static";
    }

    static String duplicateWorkflow(String name, Method first, Method second) {
        return "DWF0013: two @Workflow methods are named '" + name + "': " + signature(first) + " and "
                + signature(second);
    }

    static String workflowIsStep(Method m) {
        return "DWF0014: " + signature(m) + " is both @Workflow and @DurableStep; a workflow calls steps, it is not one";
    }

    /** The workflow method cannot be turned into a method handle. */
    static String workflowNotCallable(Method m) {
        return "DWF0015: " + m + " cannot be called";
    }

    static String stepNameTooLong(Method m) {
        return "DWF0005: @DurableStep method " + signature(m) + " has a name longer than 200 characters";
    }

    static String stepRetries(String where, int retries) {
        return "DWF0006: @DurableStep on " + where + " has retries = " + retries + "; give 0 to "
                + StepDefinition.MOST_RETRIES;
    }

    static String stepRetryDelay(String where, String delay) {
        return "DWF0007: @DurableStep on " + where + " has retryDelay '" + delay + "'; give a positive duration of"
                + " at most an hour, such as 1s, 2m or PT0.5S";
    }

    static String signature(Method m) {
        return m.getDeclaringClass().getSimpleName() + "#" + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    /** A failure handler names a workflow the application does not have. */
    static String handlerForNoWorkflow(Method m, String name) {
        return "DWF0016: @OnFailure method " + signature(m) + " names no @Workflow '" + name + "' of this application";
    }

    /** Two failure handlers for one workflow. */
    static String duplicateHandler(String name, Method first, Method second) {
        return "DWF0017: two @OnFailure methods for workflow '" + name + "': " + signature(first) + " and "
                + signature(second);
    }

    /** A failure handler that cannot be called with the run's input and failure. */
    static String badHandler(Method m) {
        return "DWF0018: @OnFailure method " + signature(m) + " must be public, not static, and take the workflow's"
                + " input and a WorkflowFailure, or only a WorkflowFailure";
    }
}
