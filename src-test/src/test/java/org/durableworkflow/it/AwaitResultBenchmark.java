package org.durableworkflow.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What callers awaiting results over HTTP cost the Arquillian test server: {@code -Dawait.callers=N} (1,000) runs
 * wait, one caller awaits each ({@code GET /runs/{id}/result?wait=2m}), then every run is notified and completes. It
 * prints the server's thread count before the callers, while they wait and after, and the delay from each run's end
 * (its {@code updatedAt}, the commit's clock) to its caller receiving the answer, p50/p99/max. Not part of the
 * suite: {@code -Dit.test=AwaitResultBenchmark} (docs/BENCHMARKS.md).
 */
class AwaitResultBenchmark extends RemoteApiTest {

    private static final int CALLERS = Integer.getInteger("await.callers", 1_000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-await-bench");
    }

    @Test
    void callersAwaitingResultsHoldNoThreadAndAreAnsweredRightAfterTheEnd() throws Exception {
        long pid = serverPid();
        round(pid, CALLERS / 5, "warm-up");
        round(pid, CALLERS, "measured");
    }

    private void round(long pid, int callers, String name) throws Exception {
        List<String> events = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String eventId = "bench-" + UUID.randomUUID();
            events.add(eventId);
            runs.add(start("wait-for-text", eventId, null));
        }
        awaitStatus(runs.get(runs.size() - 1), "WAITING");
        Thread.sleep(2_000);
        int before = threads(pid);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Long>> answeredAt = new ArrayList<>();
        for (String runId : runs) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString())
                            .resolve("workflow/runs/" + runId + "/result?wait=2m"))
                    .header("Authorization", "Bearer " + Deployments.TOKEN).timeout(Duration.ofMinutes(3)).build();
            answeredAt.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                long at = System.currentTimeMillis();
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                return at;
            }));
        }
        Thread.sleep(5_000); // every caller is waiting now
        int waiting = threads(pid);
        long pending = answeredAt.stream().filter(f -> !f.isDone()).count();

        for (String eventId : events) {
            assertEquals(200, send("POST", "workflow/v2/notify/" + eventId, "done", Deployments.TOKEN).statusCode());
        }
        long[] delays = new long[callers];
        for (int i = 0; i < callers; i++) {
            long at = answeredAt.get(i).get();
            Map<?, ?> run = run(runs.get(i));
            assertEquals("COMPLETED", run.get("status"));
            delays[i] = at - ((Number) run.get("updatedAt")).longValue();
        }
        Thread.sleep(2_000);
        int after = threads(pid);
        Arrays.sort(delays);
        System.out.printf("AWAIT-BENCH %s callers=%d pending-before-notify=%d threads: before=%d waiting=%d after=%d;"
                        + " end->answer ms: p50=%d p90=%d p99=%d max=%d%n", name, callers, pending, before, waiting,
                after, delays[callers / 2], delays[callers * 9 / 10], delays[callers * 99 / 100], delays[callers - 1]);
    }

    /** The pid of this build's test server: the Liberty JVM whose command line names this build's wlp. */
    private static long serverPid() throws Exception {
        String wlp = Path.of(System.getProperty("wlp.dir")).toAbsolutePath().normalize().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains(wlp) && cmd.contains(System.getProperty("test.server.name", "testServer")) && cmd.contains("ws-server")) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (java.io.IOException gone) {
                    // a process that ended meanwhile, or not ours to read
                }
            }
        }
        throw new IllegalStateException("no test server process under " + wlp);
    }

    private static int threads(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        throw new IllegalStateException("no thread count for " + pid);
    }
}
