package org.durableworkflow.impl.cdi;

import jakarta.enterprise.inject.spi.Bean;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * A {@code @Workflow} method found at deployment.
 *
 * @param name      the workflow's name
 * @param bean      the CDI bean that declares it
 * @param method    the method, made accessible
 * @param inputType the generic type of its parameter, {@code null} when it has none
 */
public record WorkflowDefinition(String name, Bean<?> bean, Method method, Type inputType) {
}
