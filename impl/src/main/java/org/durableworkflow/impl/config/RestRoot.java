package org.durableworkflow.impl.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

/**
 * Where the library's REST root is, as callers reach it, for waiter urls: {@code rest.public-url} when set, else the
 * application's context root followed by the mapping of the library's JAX-RS application ({@code /workflow}, or
 * where {@code web.xml} moved it, when the container tells), read from the servlet context when the application
 * starts.
 */
@ApplicationScoped
public class RestRoot {

    /** The library's REST root under the context root, unless {@code web.xml} maps it elsewhere. */
    public static final String DEFAULT_PATH = "/workflow";
    /** The servlet the container registers for the library's JAX-RS application is named after its class. */
    static final String SERVLET_NAME = "org.durableworkflow.impl.rest.WorkflowRestApplication";

    private volatile String url = DEFAULT_PATH;

    @Inject
    WorkflowConfig config;

    /** In a web application, the payload of the application scope's start is its servlet context. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext servlet) {
        url = of(servlet);
    }

    /** The REST root as callers reach it, without a trailing slash. */
    public String url() {
        return config.publicUrl().orElse(url);
    }

    /** The REST root of the application whose servlet context is {@code servlet}. */
    static String of(ServletContext servlet) {
        return servlet.getContextPath() + mapping(servlet);
    }

    private static String mapping(ServletContext servlet) {
        ServletRegistration registration;
        try {
            registration = servlet.getServletRegistration(SERVLET_NAME);
        } catch (UnsupportedOperationException e) {
            return DEFAULT_PATH; // a container may refuse it to CDI's start (Liberty does): rest.public-url moves it
        }
        if (registration == null || registration.getMappings().isEmpty()) {
            return DEFAULT_PATH;
        }
        String pattern = registration.getMappings().iterator().next();
        String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        return path.isEmpty() || path.equals("/") ? "" : path.startsWith("/") ? path : "/" + path;
    }
}
