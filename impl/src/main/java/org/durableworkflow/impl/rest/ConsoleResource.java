package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.security.ConsoleFile;
import org.durableworkflow.impl.security.Guarded;

/**
 * The web console at {@code <REST root>/console/}: static files that call the REST API like any client. They hold
 * no data, so with bearer tokens they load without one ({@link ConsoleFile}) and the page asks for the token; with
 * container security they need the admin role. {@code console.enabled=false} answers 404.
 */
@ApplicationScoped
@Guarded
@Path("console")
public class ConsoleResource {

    /** Only the console's own files, and no framing by other sites. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    WorkflowConfig config;

    /** The page; {@code /console} without its slash is sent to {@code /console/}, where its relative links work. */
    @GET
    @ConsoleFile
    public Response page(@Context UriInfo uri, @Context Request request) {
        if (!uri.getPath().endsWith("/")) {
            checkEnabled();
            return Response.status(Response.Status.MOVED_PERMANENTLY).header("Location", "console/").build();
        }
        return file("index.html", request);
    }

    /** A file of the console, revalidated by its tag at every use, so that an upgrade shows at the next load. */
    @GET
    @Path("{file}")
    @ConsoleFile
    public Response file(@PathParam("file") String name, @Context Request request) {
        checkEnabled();
        ConsoleFiles.File file = ConsoleFiles.named(name)
                .orElseThrow(() -> ApiError.exception(404, RestProblems.noConsoleFile(name)));
        EntityTag tag = new EntityTag(file.tag());
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged
                : Response.ok(file.bytes()).header("Content-Type", file.contentType());
        answer.tag(tag).cacheControl(cache).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        if (name.endsWith(".html")) {
            answer.header("Content-Security-Policy", POLICY);
        }
        return answer.build();
    }

    private void checkEnabled() {
        if (!config.consoleEnabled()) {
            throw ApiError.exception(404, RestProblems.consoleOff());
        }
    }
}
