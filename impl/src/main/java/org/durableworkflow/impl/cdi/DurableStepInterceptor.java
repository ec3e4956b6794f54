package org.durableworkflow.impl.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.impl.engine.CurrentRun;
import org.durableworkflow.impl.engine.RunExecution;
import org.durableworkflow.impl.engine.StepRunner;

/**
 * Journals {@link DurableStep} calls made by a running workflow. Its priority, {@value #PRIORITY}, puts it outside
 * {@code @Transactional} (200): the step's own transaction is begun first, and a {@code @Transactional(REQUIRED)}
 * on the step joins it.
 */
@DurableStep
@Interceptor
@Priority(DurableStepInterceptor.PRIORITY)
public class DurableStepInterceptor {

    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private final StepRunner steps;
    private final DurableWorkflowExtension extension;

    @Inject
    public DurableStepInterceptor(StepRunner steps, DurableWorkflowExtension extension) {
        this.steps = steps;
        this.extension = extension;
    }

    @AroundInvoke
    public Object journal(InvocationContext invocation) throws Exception {
        RunExecution execution = CurrentRun.get();
        if (execution == null || execution.inStep()) {
            return invocation.proceed(); // outside a run, or part of an enclosing step
        }
        StepDefinition step = extension.step(invocation.getMethod(), invocation.getTarget().getClass());
        return steps.run(execution, step, invocation::proceed);
    }
}
