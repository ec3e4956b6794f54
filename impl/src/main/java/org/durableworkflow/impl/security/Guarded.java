package org.durableworkflow.impl.security;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every REST resource class of the library carries this binding, so that {@link GuardInterceptor} checks each call
 * inside the resource itself, whichever JAX-RS application of the WAR routed the call there.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {
}
