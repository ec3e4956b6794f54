package org.durableworkflow.it.sample;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.durableworkflow.api.WorkflowClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator inside the sample's server, for the benchmarks only (added to a copy of the sample WAR): starts
 * and notifies order workflows through {@link WorkflowClient} from threads of the server, as the peers' benchmarks
 * call their engines in-process, so that no HTTP request is in the figures.
 * The load runs on threads of its own, made by the server's managed thread factory, as the peers' benchmarks call
 * from threads of their own: the server's default executor, which the library's executions share, keeps its threads
 * for them.
 * {@code POST /in-process-load?action=start|notify&prefix=p&n=1000&threads=16[&perSecond=100|&timed=true]
 * [&timeCancellations=true]}; answers the milliseconds it took, then one line per order: its run id (start) or the
 * {@code System.nanoTime()} its notify was sent at (notify at a rate, or timed at full speed).
 * {@code POST /in-process-load/resumed} answers how many, then for each order of the last timed notifies the
 * {@code System.nanoTime()} its first step after the wait began at ({@link ResumeProbe});
 * {@code POST /in-process-load/cancelled} the same for the timeout branches of the last orders started with
 * {@code timeCancellations=true}, in epoch millis. {@code POST /in-process-load/rows} with a SELECT as its body
 * answers its rows, for a database the benchmark cannot reach itself (embedded Derby).
 */
@ApplicationScoped
@Path("/")
public class InProcessLoad {

    /** Its own REST root: the sample's application lists its resources. */
    @ApplicationPath("/in-process-load")
    public static class Root extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(InProcessLoad.class);
        }
    }

    @Inject
    WorkflowClient workflows;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The rows of {@code select}, one line each, columns separated by tabs. */
    @POST
    @Path("rows")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String rows(String select) throws SQLException {
        StringBuilder body = new StringBuilder();
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(select)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    body.append(c > 1 ? "\t" : "").append(rows.getString(c));
                }
                body.append('\n');
            }
        }
        return body.toString();
    }

    /** How many orders of the last timed notifies, then each: its id, a space, when its step after the wait began. */
    @POST
    @Path("resumed")
    @Produces(MediaType.TEXT_PLAIN)
    public String resumed() {
        return counted(ResumeProbe.RESUMED.stop());
    }

    /** As {@link #resumed}, for the timeout branches of the orders started with {@code timeCancellations}. */
    @POST
    @Path("cancelled")
    @Produces(MediaType.TEXT_PLAIN)
    public String cancelled() {
        return counted(ResumeProbe.CANCELLED.stop());
    }

    /** How many moments were taken, then each: the order's id, a space, the moment. */
    private static String counted(Map<String, Long> taken) {
        return taken.size() + "\n" + lines(taken);
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String drive(@QueryParam("action") String action, @QueryParam("prefix") String prefix,
                        @QueryParam("n") int n, @QueryParam("threads") int threads,
                        @QueryParam("perSecond") Integer perSecond, @QueryParam("timed") boolean timed,
                        @QueryParam("timeCancellations") boolean timeCancellations) throws Exception {
        Map<String, Object> perOrder = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(threads, threadFactory);
        boolean start = "start".equals(action);
        if (!start && (perSecond != null || timed)) {
            ResumeProbe.RESUMED.takeFrom(prefix);
        }
        if (start && timeCancellations) {
            ResumeProbe.CANCELLED.takeFrom(prefix);
        }
        long t0 = System.nanoTime();
        try {
            if (start && perSecond != null) {
                PacedCalls.atRate(callers, n, perSecond, i -> perOrder.put(prefix + i, startOrder(prefix + i)));
            } else if (perSecond != null) {
                notifyAtRate(callers, prefix, n, perSecond, perOrder);
            } else if (start) {
                inParallel(callers, n, threads, i -> perOrder.put(prefix + i, startOrder(prefix + i)));
            } else {
                inParallel(callers, n, threads, i -> {
                    if (timed) {
                        perOrder.put(prefix + i, System.nanoTime());
                    }
                    notifyOrder(prefix + i);
                });
            }
        } finally {
            callers.shutdown();
        }
        return (System.nanoTime() - t0) / 1_000_000 + "\n" + lines(perOrder);
    }

    private static String lines(Map<String, ?> perOrder) {
        StringBuilder body = new StringBuilder();
        perOrder.forEach((order, value) -> body.append(order).append(' ').append(value).append('\n'));
        return body.toString();
    }

    private String startOrder(String orderId) {
        return workflows.start("order-processing", Map.of("orderId", orderId, "userEmail", "bench@example.com"));
    }

    private void notifyOrder(String orderId) {
        if (workflows.notify("order-" + orderId, Map.of("status", "shipped", "trackingNumber", "T")).isEmpty()) {
            throw new IllegalStateException("order " + orderId + " was not waiting");
        }
    }

    /** Calls {@code call} for 0..n-1 from {@code threads} tasks of {@code callers}, each taking the next number. */
    private static void inParallel(ExecutorService callers, int n, int threads, PacedCalls.IntCall call)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    call.accept(i);
                }
                return null;
            });
        }
        for (Future<Void> task : callers.invokeAll(tasks)) {
            task.get();
        }
    }

    private void notifyAtRate(ExecutorService callers, String prefix, int n, int perSecond,
                              Map<String, Object> sentAt) throws Exception {
        PacedCalls.atRate(callers, n, perSecond, i -> {
            sentAt.put(prefix + i, System.nanoTime());
            notifyOrder(prefix + i);
        });
    }
}
