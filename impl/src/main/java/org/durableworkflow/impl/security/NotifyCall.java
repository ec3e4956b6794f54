package org.durableworkflow.impl.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource methods of Upstash's contract (notify and read waiters) that a {@code rest.notify-token} or
 * the notify role may call; every other method needs a {@code rest.token} or the admin role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotifyCall {
}
