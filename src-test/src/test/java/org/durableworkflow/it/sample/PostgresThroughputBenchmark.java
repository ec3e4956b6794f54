package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * The sample's complete order workflow (start, step, wait, notify, two steps, done) on one Liberty server and
 * PostgreSQL, driven over HTTP from this JVM. Not part of the test suite: run it on purpose (docs/BENCHMARKS.md).
 * It prints its figures and asserts nothing about them.
 */
class PostgresThroughputBenchmark {

    private static final SampleServer SERVER = new SampleServer("pgServerA", 9182);
    private static final int CLIENTS = 16;
    private static String schema;
    private static ExecutorService callers;

    @BeforeAll
    static void start() throws Exception {
        Postgres.requireReachable();
        schema = Postgres.createSchema();
        SERVER.deploy();
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", Postgres.urlFor(schema));
        SERVER.start(env);
        callers = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        callers.shutdownNow();
        SERVER.stop();
        Postgres.dropSchema(schema);
    }

    @Test
    void completeWorkflowsAtFullSpeedAndLatencyAtAFixedRate() throws Exception {
        run("warm-up", 500);
        long rssBefore = SERVER.residentBytes();
        long[] statsBefore = databaseStats();
        int n = 2000;
        long t0 = System.nanoTime();
        run("full", n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1500); // PostgreSQL publishes its statistics about once a second
        long[] statsAfter = databaseStats();
        report("%d complete workflows in %.1f s: %.0f workflows/s (start, notify and completion all over HTTP,"
                        + " %d client threads)", n, seconds, n / seconds, CLIENTS);
        report("per workflow: %.1f commits, %.1f rows inserted, %.1f rows updated, %.1f rows deleted",
                (statsAfter[0] - statsBefore[0]) / (double) n, (statsAfter[1] - statsBefore[1]) / (double) n,
                (statsAfter[2] - statsBefore[2]) / (double) n, (statsAfter[3] - statsBefore[3]) / (double) n);
        report("server RSS %.0f MB before, %.0f MB after", rssBefore / 1e6, SERVER.residentBytes() / 1e6);

        latencyAtRate("rate", 1000, 100);
    }

    /** Starts {@code n} orders, waits until all wait, notifies them all, waits until all completed. */
    private void run(String prefix, int n) throws Exception {
        all(IntStream.range(0, n).mapToObj(i -> (Callable<Void>) () -> {
            startOrder(prefix + i);
            return null;
        }).toList());
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", n);
        all(IntStream.range(0, n).mapToObj(i -> (Callable<Void>) () -> {
            notifyOrder(prefix + i);
            return null;
        }).toList());
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS <> 'COMPLETED'", 0);
    }

    private void latencyAtRate(String prefix, int n, int perSecond) throws Exception {
        Map<String, String> runIds = new ConcurrentHashMap<>();
        all(IntStream.range(0, n).mapToObj(i -> (Callable<Void>) () -> {
            runIds.put(startOrder(prefix + i), prefix + i);
            return null;
        }).toList());
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'WAITING'", n);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Future<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LockSupport.parkNanos(start + i * 1_000_000_000L / perSecond - System.nanoTime());
            String orderId = prefix + i;
            sends.add(callers.submit(() -> {
                sentAt.put(orderId, System.currentTimeMillis());
                notifyOrder(orderId);
                return null;
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS <> 'COMPLETED'", 0);
        long[] latencies = new long[n];
        int k = 0;
        try (Connection db = DriverManager.getConnection(Postgres.urlFor(schema), "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT RUN_ID, CREATED_AT FROM DWF_STEP WHERE SEQ = 3")) {
            while (rows.next()) {
                String orderId = runIds.get(rows.getString(1));
                if (orderId != null) {
                    latencies[k++] = rows.getLong(2) - sentAt.get(orderId);
                }
            }
        }
        long[] measured = Arrays.copyOf(latencies, k);
        Arrays.sort(measured);
        report("notify -> resumed at %d notifies/s over HTTP, %d runs: p50 %d ms, p99 %d ms, max %d ms"
                        + " (until the first step after the wait is journaled)", perSecond, k, measured[k / 2],
                measured[k * 99 / 100], measured[k - 1]);
    }

    private static String startOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/orders",
                "{\"orderId\":\"" + orderId + "\",\"userEmail\":\"bench@example.com\"}", "application/json");
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        String body = response.body();
        return body.substring(body.indexOf("wfr_"), body.lastIndexOf('"'));
    }

    private static void notifyOrder(String orderId) throws Exception {
        HttpResponse<String> response = SERVER.post("/workflow/v2/notify/order-" + orderId,
                "{\"status\":\"shipped\",\"trackingNumber\":\"T\"}", "text/plain");
        if (response.statusCode() != 200 || !response.body().contains("wfr_")) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** Commits, rows inserted, updated and deleted in the database so far. */
    private static long[] databaseStats() throws Exception {
        try (Connection db = DriverManager.getConnection(Postgres.URL, "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted"
                     + " FROM pg_stat_database WHERE datname = 'test'")) {
            rows.next();
            return new long[]{rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
        }
    }

    private static void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> Postgres.count(schema, sql) == expected);
    }

    private static void all(List<Callable<Void>> calls) throws Exception {
        for (Future<Void> result : callers.invokeAll(calls)) {
            result.get();
        }
    }

    private static void report(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(format, args));
    }
}
