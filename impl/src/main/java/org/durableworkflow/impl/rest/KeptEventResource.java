package org.durableworkflow.impl.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.impl.store.EventStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;
import org.durableworkflow.impl.security.Guarded;

import java.util.List;

/** Native listing of the notifies kept for a later wait, oldest first (their data is not listed). */
@ApplicationScoped
@Guarded
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class KeptEventResource {

    @Inject
    EventStore events;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;

    @GET
    public List<KeptEventSummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return transactions.required(() -> events.list(clock.millis(), request.offset(), request.size())).stream()
                .map(KeptEventSummary::of).toList();
    }
}
