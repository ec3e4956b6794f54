package org.durableworkflow.impl.definition;

import jakarta.enterprise.inject.spi.Bean;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.OnFailure;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.impl.time.Durations;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The application's workflow and step definitions: filled by the CDI extension as the container discovers beans,
 * read by the engine by name. Bad definitions are collected as problems, not thrown, so that a deployment reports all
 * of them at once.
 */
public final class Definitions {

    private final Map<String, WorkflowDefinition> workflows = new ConcurrentHashMap<>();
    /** Per bean class and method: a class-level annotation of the bean applies to the methods it inherits too. */
    private final Map<StepKey, StepDefinition> steps = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, FailureHandlerDefinition> handlers = new ConcurrentHashMap<>();

    /** Adds the {@code @Workflow} methods of {@code bean}, of class {@code beanClass}; its problems are kept. */
    public void collect(Bean<?> bean, Class<?> beanClass) {
        List<String> found = new ArrayList<>();
        for (Method method : DefinitionScanner.scan(beanClass, found::add)) {
            String name = method.getAnnotation(Workflow.class).value();
            WorkflowDefinition definition = WorkflowDefinition.of(name, bean, method);
            WorkflowDefinition previous = workflows.putIfAbsent(name, definition);
            if (previous != null) {
                found.add(DefinitionProblems.duplicateWorkflow(name, previous.method(), method));
            }
        }
        collectHandlers(bean, beanClass, found::add);
        synchronized (problems) {
            problems.addAll(found);
        }
    }

    private void collectHandlers(Bean<?> bean, Class<?> beanClass, Consumer<String> found) {
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                OnFailure onFailure = method.getAnnotation(OnFailure.class);
                FailureHandlerDefinition handler = onFailure == null || method.isBridge() ? null
                        : FailureHandlerDefinition.of(onFailure.value(), bean, method, found);
                FailureHandlerDefinition previous = handler == null ? null
                        : handlers.putIfAbsent(handler.workflowName(), handler);
                if (previous != null) {
                    found.accept(DefinitionProblems.duplicateHandler(handler.workflowName(), previous.method(),
                            method));
                }
            }
        }
    }

    /** Adds the problems of failure handlers that only every workflow tells: call it once all beans are seen. */
    public void checkFailureHandlers() {
        for (FailureHandlerDefinition handler : handlers.values()) {
            WorkflowDefinition workflow = workflows.get(handler.workflowName());
            String problem = workflow == null ? DefinitionProblems.handlerForNoWorkflow(handler.method(),
                    handler.workflowName()) : handler.fits(workflow) ? null : DefinitionProblems.badHandler(
                    handler.method());
            if (problem != null) {
                synchronized (problems) {
                    problems.add(problem);
                }
            }
        }
    }

    /** The failure handler of the workflow named {@code name}, or {@code null}. */
    public FailureHandlerDefinition failureHandler(String name) {
        return name == null ? null : handlers.get(name);
    }

    /** Every problem found so far, each a coded message. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The names of the workflows deployed, sorted. */
    public List<String> workflowNames() {
        return workflows.keySet().stream().sorted().toList();
    }

    /** The workflow named {@code name}, or {@code null}. */
    public WorkflowDefinition workflow(String name) {
        return name == null ? null : workflows.get(name);
    }

    /**
     * The journal metadata of a {@code @DurableStep} method called on an instance of {@code beanClass} (its CDI
     * subclass, say), computed once: the method's own annotation, or else the one of the bean's class (inherited
     * by subclasses, as {@code @DurableStep} is), whichever class declares the method.
     */
    public StepDefinition step(Method method, Class<?> beanClass) {
        return steps.computeIfAbsent(new StepKey(beanClass, method), key -> {
            DurableStep annotation = method.getAnnotation(DurableStep.class);
            String name = annotation == null || annotation.value().isEmpty() ? method.getName() : annotation.value();
            DurableStep declared = annotation != null ? annotation : beanClass.getAnnotation(DurableStep.class);
            if (declared == null) {
                return StepDefinition.plain(name, method.getGenericReturnType());
            }
            return new StepDefinition(name, method.getGenericReturnType(), declared.transactional(),
                    declared.retries(), Durations.parse(declared.retryDelay()), // checked at deployment
                    List.of(declared.noRetryFor()));
        });
    }

    private record StepKey(Class<?> beanClass, Method method) {
    }
}
