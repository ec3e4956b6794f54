package org.durableworkflow.impl.definition;

import jakarta.enterprise.inject.spi.Bean;
import org.durableworkflow.api.WorkflowFailure;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

/**
 * An {@code @OnFailure} method found at deployment.
 *
 * @param workflowName the workflow it handles the failures of
 * @param bean         the CDI bean that declares it
 * @param method       the method
 * @param takesInput   whether it takes the workflow's input before the failure
 * @param call         the method as a handle taking the bean (the input) and the failure as objects
 */
public record FailureHandlerDefinition(String workflowName, Bean<?> bean, Method method, boolean takesInput,
                                       MethodHandle call) {

    /** The handler {@code method} of {@code bean}, or {@code null} with its problem told to {@code problems}. */
    static FailureHandlerDefinition of(String name, Bean<?> bean, Method method, Consumer<String> problems) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean shaped = parameters.length >= 1 && parameters.length <= 2
                && parameters[parameters.length - 1] == WorkflowFailure.class;
        if (!shaped || !Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            problems.accept(DefinitionProblems.badHandler(method));
            return null;
        }
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            return new FailureHandlerDefinition(name, bean, method, parameters.length == 2,
                    handle.asType(handle.type().generic()));
        } catch (IllegalAccessException | RuntimeException e) {
            problems.accept(DefinitionProblems.badHandler(method));
            return null;
        }
    }

    /** Whether it fits {@code workflow}: a handler taking input takes the workflow's input type. */
    boolean fits(WorkflowDefinition workflow) {
        return !takesInput || workflow.inputType() != null
                && method.getGenericParameterTypes()[0].equals(workflow.inputType());
    }

    /** Calls the handler on {@code instance}; what it throws comes through as it is. */
    public Object invoke(Object instance, Object input, WorkflowFailure failure) throws Throwable {
        return takesInput ? call.invoke(instance, input, failure) : call.invoke(instance, failure);
    }
}
