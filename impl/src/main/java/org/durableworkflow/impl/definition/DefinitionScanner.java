package org.durableworkflow.impl.definition;

import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.impl.time.Durations;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the {@code @Workflow} and {@code @DurableStep} methods of a bean class and every problem with them. Problems
 * are collected, not thrown, so that a deployment reports all of them at once.
 */
final class DefinitionScanner {

    private DefinitionScanner() {
    }

    /** The {@code @Workflow} methods of {@code beanClass} that are valid; problems go to {@code problems}. */
    static List<Method> scan(Class<?> beanClass, Consumer<String> problems) {
        List<Method> workflows = new ArrayList<>();
        boolean classIsStep = beanClass.isAnnotationPresent(DurableStep.class);
        if (classIsStep) {
            checkRetries(beanClass.getSimpleName(), beanClass.getAnnotation(DurableStep.class), problems);
        }
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                Workflow workflow = m.getAnnotation(Workflow.class);
                boolean isStep = m.isAnnotationPresent(DurableStep.class);
                if (isStep) {
                    checkStep(beanClass, m, problems);
                }
                if (workflow != null && checkWorkflow(m, workflow, isStep || classIsStep, problems)) {
                    workflows.add(m);
                }
            }
        }
        return workflows;
    }

    private static void checkStep(Class<?> beanClass, Method m, Consumer<String> problems) {
        int mod = m.getModifiers();
        if (Modifier.isPrivate(mod)) {
            problems.accept(DefinitionProblems.stepPrivate(m));
        } else if (Modifier.isStatic(mod)) {
            problems.accept(DefinitionProblems.stepStatic(m));
        } else if (Modifier.isFinal(mod)) {
            problems.accept(DefinitionProblems.stepFinal(m));
        } else if (Modifier.isFinal(beanClass.getModifiers())) {
            problems.accept(DefinitionProblems.stepOnFinalClass(m));
        }
        DurableStep step = m.getAnnotation(DurableStep.class);
        if (step.value().length() > 200) {
            problems.accept(DefinitionProblems.stepNameTooLong(m));
        }
        checkRetries(DefinitionProblems.signature(m), step, problems);
    }

    /** The retries of a step method ({@code where} is its signature), or of a class annotated as a whole. */
    private static void checkRetries(String where, DurableStep step, Consumer<String> problems) {
        if (step.retries() < 0 || step.retries() > StepDefinition.MOST_RETRIES) {
            problems.accept(DefinitionProblems.stepRetries(where, step.retries()));
        }
        try {
            if (Durations.parse(step.retryDelay()).compareTo(StepDefinition.LONGEST_RETRY_DELAY) > 0) {
                problems.accept(DefinitionProblems.stepRetryDelay(where, step.retryDelay()));
            }
        } catch (RuntimeException e) {
            problems.accept(DefinitionProblems.stepRetryDelay(where, step.retryDelay()));
        }
    }

    private static boolean checkWorkflow(Method m, Workflow workflow, boolean isStep, Consumer<String> problems) {
        boolean valid = true;
        if (workflow.value().isBlank() || workflow.value().length() > 200) {
            problems.accept(DefinitionProblems.workflowBlankName(m));
            valid = false;
        }
        if (m.getParameterCount() > 1) {
            problems.accept(DefinitionProblems.workflowParameters(m));
            valid = false;
        }
        if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
            problems.accept(DefinitionProblems.workflowNotPublic(m));
            valid = false;
        }
        if (isStep) {
            problems.accept(DefinitionProblems.workflowIsStep(m));
            valid = false;
        }
        return valid;
    }
}
