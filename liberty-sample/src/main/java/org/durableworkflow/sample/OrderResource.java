package org.durableworkflow.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.durableworkflow.api.WorkflowClient;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.Map;

/** The sample's own endpoints: start an order workflow, read an order's outbox. */
@ApplicationScoped
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    WorkflowClient workflows;

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    /** Reads the body itself: JSON-B's failure to read it is the caller's 400, not the runtime's 500. */
    private static final Jsonb JSON = JsonbBuilder.create();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrderRequest.class))) String body) {
        OrderRequest order;
        try {
            order = body == null || body.isBlank() ? null : JSON.fromJson(body, OrderRequest.class);
        } catch (JsonbException e) {
            return Response.status(400).entity(Map.of("error",
                    "the body is not a JSON order such as {\"orderId\":\"1324\",\"userEmail\":\"ada@example.com\"}"))
                    .build();
        }
        if (order == null || blank(order.orderId()) || blank(order.userEmail()) || order.orderId().length() > 200) {
            return Response.status(400)
                    .entity(Map.of("error", "orderId (at most 200 characters) and userEmail are required")).build();
        }
        String runId = workflows.start(OrderWorkflow.NAME, order);
        return Response.accepted(Map.of("workflowRunId", runId)).build();
    }

    @GET
    @Path("{orderId}/outbox")
    public List<OutboxMessage> outbox(@PathParam("orderId") String orderId) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.orderId = :order"
                        + " ORDER BY m.createdAt, m.idempotencyKey", OutboxMessage.class)
                .setParameter("order", orderId).getResultList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
