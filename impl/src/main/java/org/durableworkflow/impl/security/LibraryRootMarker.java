package org.durableworkflow.impl.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Marks the calls that came through the library's own JAX-RS application, the only one that registers this filter,
 * and notes their caller ({@link RequestMark}). A WAR's other applications may discover the library's resources too
 * (one that lists no classes serves every resource of the WAR, by the JAX-RS specification); {@link GuardInterceptor}
 * answers 404 to the calls they route.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class LibraryRootMarker implements ContainerRequestFilter {

    @Inject
    RequestMark mark;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        boolean authenticated = security != null && security.getUserPrincipal() != null;
        mark.mark(new Caller(request.getHeaderString(HttpHeaders.AUTHORIZATION), authenticated,
                role -> authenticated && security.isUserInRole(role)), request.getUriInfo().getBaseUri().getRawPath());
    }
}
