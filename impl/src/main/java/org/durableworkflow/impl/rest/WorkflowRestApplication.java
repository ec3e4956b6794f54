package org.durableworkflow.impl.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.HashSet;
import java.util.Set;

/**
 * The library's REST root, {@code /workflow} under the application's context root. Map the servlet named after
 * this class in {@code web.xml} to move it; set {@code durable-workflow.rest.public-url} to match.
 */
@ApplicationPath("/workflow")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "a token of durable-workflow.rest.token")
@OpenAPIDefinition(info = @Info(title = "Durable Workflow REST API", version = "0.1.0",
        description = "Notify waiting workflows (wire-compatible with the Upstash Workflow client), start, list,"
                + " read and cancel runs"), security = @SecurityRequirement(name = "bearer"))
public class WorkflowRestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return new HashSet<>(RestResources.CLASSES);
    }
}
