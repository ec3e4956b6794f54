package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.Notifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The Upstash wire contract: the body of a notify is the event data as sent (a string verbatim, anything else as
 * JSON text, whatever the Content-Type); an empty body is a notify without data, as the Upstash client sends it.
 */
@ApplicationScoped
@Path("v2")
@Produces(MediaType.APPLICATION_JSON)
public class NotifyResource {

    @Inject
    Notifier notifier;
    @Inject
    WorkflowConfig config;

    @POST
    @Path("notify/{eventId: .+}")
    @Consumes(MediaType.WILDCARD)
    public List<NotifyResponse> notify(@PathParam("eventId") String eventId, InputStream body) throws IOException {
        return notifier.notify(eventId, BodyReader.read(body, config.maxPayloadBytes()));
    }

    @GET
    @Path("waiters/{eventId: .+}")
    public List<Waiter> waiters(@PathParam("eventId") String eventId) {
        return notifier.waiters(eventId);
    }
}
