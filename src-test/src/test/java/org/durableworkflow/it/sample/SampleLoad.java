package org.durableworkflow.it.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Drives the sample's order workflow for the benchmarks, over HTTP from client threads of this JVM, or in-process
 * from threads of the server ({@link InProcessLoad}); prints, never asserts.
 */
final class SampleLoad implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(30);
    /** A notify rate that {@link #notifyLatencies} takes as "all at once". */
    static final int FULL_SPEED = 1_000_000;

    private final ServerProcess server;
    private final String schema;
    private final int clients;
    private final ExecutorService callers;
    private boolean inProcess;

    private SampleLoad(ServerProcess server, String schema, int clients) {
        this.server = server;
        this.schema = schema;
        this.clients = clients;
        this.callers = Executors.newFixedThreadPool(clients);
    }

    /**
     * Starts the sample on the database {@code -Dbench.db} names ({@code postgres}, the default, or {@code derby}:
     * see {@link #onPostgres} and {@link #onDerby}), with {@code environment} and the settings
     * {@code -Dbench.env=NAME=value,...} adds, such as {@code DURABLE_WORKFLOW_EXECUTOR_BACKLOG=off}.
     */
    static SampleLoad onChosenDatabase(Map<String, String> environment, int clients) throws Exception {
        Map<String, String> env = withBenchSettings(environment);
        ServerProcess server = chosenServer();
        return server instanceof SampleServer liberty && liberty.name().equals("sampleServer")
                ? onDerby(liberty, env, clients) : onPostgres(server, env, clients);
    }

    /** {@code environment} with the settings {@code -Dbench.env=NAME=value,...} adds. */
    static Map<String, String> withBenchSettings(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        for (String setting : System.getProperty("bench.env", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                env.put(setting.substring(0, equals).trim(), setting.substring(equals + 1));
            }
        }
        return env;
    }

    /**
     * The server of the sample: with {@code -Dbench.server=<class>}, a new instance of that {@link ServerProcess}
     * (another kind of server, on PostgreSQL; its module's tests hold the class); otherwise the Liberty server of
     * the database {@code -Dbench.db} names.
     */
    static ServerProcess chosenServer() throws ReflectiveOperationException {
        String kind = System.getProperty("bench.server", "");
        if (!kind.isEmpty()) {
            return (ServerProcess) Class.forName(kind).getConstructor().newInstance();
        }
        return chosenLibertyServer();
    }

    /** The Liberty server of the sample on the database {@code -Dbench.db} names. */
    static SampleServer chosenLibertyServer() {
        String db = System.getProperty("bench.db", "postgres");
        return switch (db) {
            case "postgres" -> SampleServer.pgServerA();
            case "derby" -> new SampleServer();
            default -> throw new IllegalArgumentException("bench.db is postgres or derby, not " + db);
        };
    }

    /**
     * Starts the sample, with {@link InProcessLoad} added, on {@code server} against a fresh PostgreSQL
     * schema, with {@code environment} added, and returns the load to drive it from {@code clients} threads, over
     * HTTP until {@link #inProcess(boolean)} says otherwise; {@link #close()} stops the server, drops the schema.
     */
    static SampleLoad onPostgres(ServerProcess server, Map<String, String> environment, int clients)
            throws Exception {
        addLoadTo(server);
        Postgres.requireReachable();
        String schema = Postgres.createSchema();
        server.startOnSchema(schema, environment);
        return new SampleLoad(server, schema, clients);
    }

    /** As {@link #onPostgres} on the sample's embedded Derby, a fresh database, which the server reads for us. */
    static SampleLoad onDerby(SampleServer server, Map<String, String> environment, int clients) throws Exception {
        server.deleteDerbyDatabase();
        addLoadTo(server);
        server.start(environment);
        return new SampleLoad(server, null, clients);
    }

    private static void addLoadTo(ServerProcess server) throws Exception {
        server.deployWith(InProcessLoad.class, InProcessLoad.Root.class, ResumeProbe.class, ResumeProbe.Moments.class,
                PacedCalls.class, PacedCalls.IntCall.class);
    }

    /** Whether the sample runs on PostgreSQL, whose own counters the benchmarks can read too. */
    boolean postgres() {
        return schema != null;
    }

    /** {@code postgres} or {@code derby}. */
    String db() {
        return postgres() ? "postgres" : "derby";
    }

    ServerProcess server() {
        return server;
    }

    /** The rows of a SELECT on the sample's database, each column as text. */
    List<String[]> rows(String select) throws Exception {
        if (postgres()) {
            return Postgres.rows(schema, select);
        }
        HttpResponse<String> response = server.post("/in-process-load/rows", select, "text/plain");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body().lines().map(line -> line.split("\t", -1)).toList();
    }

    /** The number a {@code SELECT COUNT(*)} answers. */
    long count(String select) throws Exception {
        return postgres() ? Postgres.count(schema, select) : Long.parseLong(rows(select).get(0)[0]);
    }

    /** Whether starts and notifies are made in-process, by threads of the server, or over HTTP from this JVM. */
    SampleLoad inProcess(boolean inProcess) {
        this.inProcess = inProcess;
        return this;
    }

    /** How the load reaches the server, for the reports. */
    String how() {
        return inProcess ? "in-process through WorkflowClient from " + clients + " server threads"
                : "over HTTP from " + clients + " client threads";
    }

    /** Where {@link #notifyLatencies} stops the clock, for the reports. */
    String resumedMeans() {
        return inProcess ? "until the first step after the wait began" : "until the first step after the wait was"
                + " journaled";
    }

    /** Starts orders {@code prefix0..prefix(n-1)} and waits until the schema has {@code waitingAfter} waiting runs. */
    Map<String, String> startAll(String prefix, int n, long waitingAfter) throws Exception {
        Map<String, String> orderOfRun = new ConcurrentHashMap<>();
        if (inProcess) {
            callInProcessLoad("start", prefix, n, "").forEach((order, run) -> orderOfRun.put(run, order));
            awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", waitingAfter);
            return orderOfRun;
        }
        all(IntStream.range(0, n).mapToObj(i -> (Callable<Void>) () -> {
            orderOfRun.put(startOrder(prefix + i), prefix + i);
            return null;
        }).toList());
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", waitingAfter);
        return orderOfRun;
    }

    /** Starts orders {@code prefix0..prefix(n-1)}, the i-th at i / {@code perSecond} s; returns once all started. */
    void startAtRate(String prefix, int n, int perSecond) throws Exception {
        if (inProcess) {
            callInProcessLoad("start", prefix, n, "&perSecond=" + perSecond);
            return;
        }
        PacedCalls.atRate(callers, n, perSecond, i -> startOrder(prefix + i));
    }

    /**
     * As {@link #startAtRate}, in-process, and has the server take the moment each order's timeout branch begins
     * ({@link ResumeProbe}), which {@link #cancellationsBegun} answers.
     */
    void startAtRateTimingCancellations(String prefix, int n, int perSecond) throws Exception {
        if (!inProcess) {
            throw new IllegalStateException("the timeout branches are timed in-process only");
        }
        callInProcessLoad("start", prefix, n, "&perSecond=" + perSecond + "&timeCancellations=true");
    }

    /** Order id to the epoch millis its timeout branch's step began at ({@link #startAtRateTimingCancellations}). */
    Map<String, Long> cancellationsBegun() throws Exception {
        Map<String, Long> begun = new HashMap<>();
        callInProcessLoad("/cancelled").forEach((order, millis) -> begun.put(order, Long.parseLong(millis)));
        return begun;
    }

    /** Notifies orders {@code prefix0..prefix(n-1)} at full speed. */
    void notifyAll(String prefix, int n) throws Exception {
        if (inProcess) {
            callInProcessLoad("notify", prefix, n, "");
            return;
        }
        all(IntStream.range(0, n).mapToObj(i -> (Callable<Void>) () -> {
            notifyOrder(prefix + i);
            return null;
        }).toList());
    }

    /**
     * Starts {@code n} orders, then notifies them at {@code perSecond} ({@link #FULL_SPEED}: as fast as the load's
     * threads go) and returns, sorted, each one's time in milliseconds from sending its notify until the first step
     * after the wait: in-process, until that step began, to the microsecond on the server's clock, as the peers'
     * benchmarks take it ({@link ResumeProbe}); over HTTP, until it was journaled, to the millisecond (client and
     * server share one wall clock).
     */
    double[] notifyLatencies(String prefix, int n, int perSecond, long waitingAfter) throws Exception {
        Map<String, String> orderOfRun = startAll(prefix, n, waitingAfter);
        String awaitResumed = "SELECT COUNT(*) FROM DWF_STEP WHERE SEQ = 3 AND RUN_ID IN ('"
                + String.join("','", orderOfRun.keySet()) + "')";
        if (inProcess) {
            // at full speed from the load's threads, as the peers' benchmarks notify; else paced at perSecond
            Map<String, String> sentAt = callInProcessLoad("notify", prefix, n,
                    perSecond >= FULL_SPEED ? "&timed=true" : "&perSecond=" + perSecond);
            awaitCount(awaitResumed, n);
            Map<String, String> begunAt = callInProcessLoad("/resumed");
            return sentAt.keySet().stream().mapToDouble(order -> (nanos(begunAt, order) - nanos(sentAt, order)) / 1e6)
                    .sorted().toArray();
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        notifyAtRate(prefix, n, perSecond, sentAt);
        awaitCount(awaitResumed, n);
        return rows("SELECT RUN_ID, CREATED_AT FROM DWF_STEP WHERE SEQ = 3").stream()
                .filter(row -> orderOfRun.containsKey(row[0]))
                .mapToDouble(row -> Long.parseLong(row[1]) - sentAt.get(orderOfRun.get(row[0]))).sorted().toArray();
    }

    private static long nanos(Map<String, String> perOrder, String order) {
        String nanos = perOrder.get(order);
        if (nanos == null) {
            throw new IllegalStateException("no moment taken for order " + order);
        }
        return Long.parseLong(nanos);
    }

    private void notifyAtRate(String prefix, int n, int perSecond, Map<String, Long> sentAt) throws Exception {
        PacedCalls.atRate(callers, n, perSecond, i -> {
            sentAt.put(prefix + i, System.currentTimeMillis());
            notifyOrder(prefix + i);
        });
    }

    /** Has {@link InProcessLoad} do {@code action}; returns its lines after the first, order to value. */
    private Map<String, String> callInProcessLoad(String action, String prefix, int n, String more) throws Exception {
        return callInProcessLoad("?action=" + action + "&prefix=" + prefix + "&n=" + n + "&threads=" + clients + more);
    }

    /** Posts to {@code /in-process-load} + {@code rest}; returns its lines after the first, order to value. */
    private Map<String, String> callInProcessLoad(String rest) throws Exception {
        HttpResponse<String> response = server.postAndWait("/in-process-load" + rest, PATIENCE);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        Map<String, String> perOrder = new HashMap<>();
        response.body().lines().skip(1).forEach(line -> {
            int space = line.indexOf(' ');
            perOrder.put(line.substring(0, space), line.substring(space + 1));
        });
        return perOrder;
    }

    String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = server.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"bench@example.com\"}", "application/json");
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        String body = response.body();
        return body.substring(body.indexOf("wfr_"), body.lastIndexOf('"'));
    }

    void notifyOrder(String orderId) throws Exception {
        HttpResponse<String> response = server.post("/workflow/v2/notify/order-" + orderId,
                "{\"status\":\"shipped\",\"trackingNumber\":\"T\"}", "text/plain");
        if (response.statusCode() != 200 || !response.body().contains("wfr_")) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /**
     * Waits until no run is running or waiting (a query the status index answers, so that polling costs the
     * database little however many runs it holds), and fails when any run ended otherwise than completed.
     */
    void awaitAllCompleted() throws Exception {
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS IN ('RUNNING', 'WAITING')", 0);
        long notCompleted = count("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS <> 'COMPLETED'");
        if (notCompleted > 0) {
            throw new IllegalStateException(notCompleted + " runs failed or were cancelled");
        }
    }

    void awaitCount(String sql, long expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> count(sql) == expected);
    }

    private void all(List<Callable<Void>> calls) throws Exception {
        for (Future<Void> result : callers.invokeAll(calls)) {
            result.get();
        }
    }

    static String percentiles(double[] sorted) {
        int k = sorted.length;
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", sorted[k / 2],
                sorted[k * 99 / 100], sorted[k - 1], k);
    }

    static void report(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(format, args));
    }

    @Override
    public void close() throws Exception {
        callers.shutdownNow();
        server.stop();
        if (postgres()) {
            Postgres.dropSchema(schema);
        }
    }
}
