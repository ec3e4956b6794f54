package org.durableworkflow.impl.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.impl.engine.run.CurrentRun;
import org.durableworkflow.impl.engine.step.StepRunner;

/**
 * Journals {@link DurableStep} calls made by a running workflow. Its priority, {@value #PRIORITY}, puts it outside
 * {@code @Transactional} (200): the step's transaction is begun first, and a {@code @Transactional} step joins it.
 */
@DurableStep
@Interceptor
@Priority(DurableStepInterceptor.PRIORITY)
public class DurableStepInterceptor {

    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private final StepRunner steps;

    @Inject
    public DurableStepInterceptor(StepRunner steps) {
        this.steps = steps;
    }

    @AroundInvoke
    public Object journal(InvocationContext call) throws Exception {
        var execution = CurrentRun.get();
        if (execution == null || execution.inStep()) {
            return call.proceed(); // outside a run, or part of an enclosing step
        }
        return steps.run(execution, call.getMethod(), call.getTarget().getClass(), call::proceed);
    }
}
