package org.durableworkflow.it.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.ops.metrics.WorkflowMetrics;

import java.util.Set;

/**
 * For {@link MetricsCostBenchmark} only (added to a copy of the sample WAR): times, inside the server, the calls the
 * engine makes on the metrics for one complete order workflow, on the recorder the library chose at start.
 * {@code POST /metrics-cost?workflows=N} answers the nanoseconds per workflow, after as many again to warm up.
 */
@ApplicationScoped
@Path("/")
public class MetricsCostProbe {

    /** Its own REST root: the sample's application lists its resources. */
    @ApplicationPath("/metrics-cost")
    public static class Root extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(MetricsCostProbe.class);
        }
    }

    private static final String WORKFLOW = "order-processing";

    @Inject
    WorkflowMetrics metrics;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String time(@QueryParam("workflows") int workflows) {
        oneWorkflowEach(workflows);
        long began = System.nanoTime();
        oneWorkflowEach(workflows);
        return String.format("%.0f", (System.nanoTime() - began) / (double) workflows);
    }

    /** The calls of one order: start, first step, the notify and its resume, two steps, completion. */
    private void oneWorkflowEach(int workflows) {
        for (int i = 0; i < workflows; i++) {
            metrics.runStarted(WORKFLOW);
            metrics.stepFinished(WORKFLOW, "request processing", 1_000_000 + i);
            metrics.notified(WorkflowMetrics.NotifyOutcome.RESUMED);
            metrics.resumedAfterNotify(WORKFLOW, i & 7);
            metrics.stepFinished(WORKFLOW, "process order", 2_000_000 + i);
            metrics.stepFinished(WORKFLOW, "send confirmation email", 500_000 + i);
            metrics.runEnded(WORKFLOW, RunStatus.COMPLETED);
        }
    }
}
