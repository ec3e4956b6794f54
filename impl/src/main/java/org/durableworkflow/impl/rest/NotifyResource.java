package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.waiter.Notifier;
import org.durableworkflow.impl.engine.waiter.NotifyOutcome;
import org.durableworkflow.impl.security.Guarded;
import org.durableworkflow.impl.security.NotifyCall;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The Upstash wire contract: the body of a notify is the event data as sent (a string verbatim, anything else as
 * JSON text, whatever the Content-Type); an empty body is a notify without data, as the Upstash client sends it.
 * The client sends ids raw, so an event id may contain {@code /} and {@code ?} (read back from the query string):
 * a path whose first segment is a run id ({@code wfr_...}) followed by more is a lookback notify for that run; any
 * other path is one event id. A notify kept for a later wait answers {@code 202} with {@code []}; one that resumed
 * waiters, or found none and was not kept, {@code 200}.
 */
@ApplicationScoped
@Guarded
@NotifyCall
@Path("v2")
@Produces(MediaType.APPLICATION_JSON)
public class NotifyResource {

    private static final String RUN_ID_PREFIX = "wfr_";

    @Inject
    Notifier notifier;
    @Inject
    WorkflowConfig config;

    @POST
    @Path("notify/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response notify(@PathParam("path") String decodedPath, @Context UriInfo uri, InputStream body)
            throws IOException {
        String path = idOr(decodedPath, RawIds.after("v2/notify/", uri));
        String eventText = BodyReader.read(body, config.maxPayloadBytes());
        int slash = path.indexOf('/');
        NotifyOutcome outcome = path.startsWith(RUN_ID_PREFIX) && slash > 0 && slash < path.length() - 1
                ? notifier.notifyRun(path.substring(0, slash), path.substring(slash + 1), eventText)
                : notifier.notify(path, eventText);
        return Response.status(outcome.kept() ? 202 : 200)
                .entity(new GenericEntity<List<NotifyResponse>>(outcome.responses()) { }).build();
    }

    @GET
    @Path("waiters/{eventId: .+}")
    public List<Waiter> waiters(@PathParam("eventId") String eventId, @Context UriInfo uri) {
        return notifier.waiters(idOr(eventId, RawIds.after("v2/waiters/", uri)));
    }

    /**
     * The id as the Upstash client sent it ({@link RawIds}); these calls take no query parameters. JAX-RS's path
     * parameter only when the raw path does not hold it (a proxy in front rewrote it, say).
     */
    private static String idOr(String pathParameter, String raw) {
        return raw == null || raw.isEmpty() ? pathParameter : raw;
    }
}
