package org.durableworkflow.impl.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Marks the calls that came through the library's own JAX-RS application, the only one that registers this filter.
 * A WAR's other applications may discover the library's resources too (an application that lists no classes serves
 * every resource of the WAR, by the JAX-RS specification); {@link GuardInterceptor} answers 404 to calls they route.
 * In a servlet container a request's properties are its servlet attributes, which callers cannot set.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class LibraryRootMarker implements ContainerRequestFilter {

    /** The request attribute that this filter sets. */
    public static final String ATTRIBUTE = LibraryRootMarker.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(ATTRIBUTE, Boolean.TRUE);
    }
}
