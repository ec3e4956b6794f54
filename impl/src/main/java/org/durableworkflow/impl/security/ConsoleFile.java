package org.durableworkflow.impl.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource methods that serve the web console's static files (HTML, CSS, JavaScript), which hold no data.
 * {@link GuardInterceptor} still answers 404 outside the library's root, but with bearer tokens it lets these calls
 * through without one: the page itself asks for the token, which the browser cannot send when it loads a page. With
 * {@code rest.auth=container} they need the admin role like every management call. Put it on methods only, so that
 * a resource's data methods never inherit it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConsoleFile {
}
