package org.durableworkflow.impl.rest;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Completes the MicroProfile OpenAPI document of an application that has its own JAX-RS application beside the
 * library's: Liberty generates one document per WAR and may give the library's paths the other application's root
 * instead of {@code /workflow}. This filter puts the library's paths under its root and declares the bearer token
 * on them; it leaves out the web console's files. Enable it with {@code mp.openapi.filter=org.durableworkflow.impl.rest.WorkflowOpenApiFilter}.
 */
public class WorkflowOpenApiFilter implements OASFilter {

    /** The first segments of the library's own paths. */
    private static final Set<String> LIBRARY_SEGMENTS = Set.of("v2", "workflows", "runs", "waiters", "events");
    private static final String SCHEME = "durable-workflow-token";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String root = "/" + WorkflowRestApplication.class.getAnnotation(ApplicationPath.class).value()
                .replaceAll("^/+|/+$", "");
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : new LinkedHashMap<>(paths.getPathItems()).entrySet()) {
            String path = entry.getKey();
            String underRoot = path.startsWith(root + "/") ? path : root + path;
            if (underRoot.startsWith(root + "/console")) {
                paths.removePathItem(path); // the web console's files are a page, not a part of the API
                continue;
            }
            if (!LIBRARY_SEGMENTS.contains(underRoot.substring(root.length() + 1).split("/")[0])) {
                continue;
            }
            paths.removePathItem(path);
            paths.addPathItem(underRoot, entry.getValue());
            entry.getValue().getOperations().values().forEach(operation -> operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createObject(Components.class));
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("a token of durable-workflow.rest.token; for /v2 also durable-workflow.rest.notify-token"));
    }
}
