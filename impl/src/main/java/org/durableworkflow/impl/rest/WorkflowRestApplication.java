package org.durableworkflow.impl.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.HashSet;
import java.util.Set;

/**
 * The library's REST root, {@code /workflow} under the application's context root. Map the servlet named after
 * this class in {@code web.xml} to move it; set {@code durable-workflow.rest.public-url} to match.
 */
@ApplicationPath("/workflow")
public class WorkflowRestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return new HashSet<>(RestResources.all());
    }
}
