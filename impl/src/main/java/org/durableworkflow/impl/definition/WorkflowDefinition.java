package org.durableworkflow.impl.definition;

import jakarta.enterprise.inject.spi.Bean;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A {@code @Workflow} method found at deployment.
 *
 * @param name      the workflow's name
 * @param bean      the CDI bean that declares it
 * @param method    the method, made accessible
 * @param inputType the generic type of its parameter, {@code null} when it has none
 * @param call      the method as a handle taking the bean (and the input) as objects and returning an object
 */
public record WorkflowDefinition(String name, Bean<?> bean, Method method, Type inputType, MethodHandle call) {

    static WorkflowDefinition of(String name, Bean<?> bean, Method method) {
        method.setAccessible(true);
        Type inputType = method.getParameterCount() == 0 ? null : method.getGenericParameterTypes()[0];
        try {
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            return new WorkflowDefinition(name, bean, method, inputType, handle.asType(handle.type().generic()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(DefinitionProblems.workflowNotCallable(method), e);
        }
    }

    /**
     * Calls the workflow method on {@code instance}. What it throws comes through as it is: {@code Method.invoke}
     * would wrap it, filling in a stack trace as deep as the server's on every wait, which unwinds with a throw.
     */
    public Object invoke(Object instance, Object input) throws Throwable {
        return inputType == null ? call.invoke(instance) : call.invoke(instance, input);
    }
}
