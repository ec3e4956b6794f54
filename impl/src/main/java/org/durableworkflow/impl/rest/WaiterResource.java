package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.impl.security.Guarded;
import org.durableworkflow.impl.store.WaiterStore;

import java.util.List;

/** Native listing of the waiters still waiting, oldest first; {@code /v2/waiters/{eventId}} is Upstash's. */
@ApplicationScoped
@Guarded
@Path("waiters")
@Produces(MediaType.APPLICATION_JSON)
public class WaiterResource {

    @Inject
    WaiterStore store;

    @GET
    public List<WaiterSummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return store.listWaiting(request.offset(), request.size()).stream().map(WaiterSummary::of).toList();
    }
}
