package org.durableworkflow.it.bench;

import jakarta.inject.Inject;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.it.Deployments;
import org.durableworkflow.it.app.ResumeTimes;
import org.durableworkflow.it.app.WaitInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Measures, inside Liberty on Derby, the notify-to-resume latency and what 1,000 waiting runs cost in heap and
 * threads. Not part of the test suite: run it on purpose (see docs/BENCHMARKS.md); it prints its figures and asserts
 * nothing about them.
 */
@ExtendWith(ArquillianExtension.class)
class CoreBenchmark {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibrary("workflow-bench", CoreBenchmark.class);
    }

    @Inject
    WorkflowClient client;

    @Test
    void notifyToResumeLatency() {
        int warmUp = 50;
        int samples = 300;
        long[] latencies = new long[samples];
        for (int i = -warmUp; i < samples; i++) {
            String eventId = "latency-" + UUID.randomUUID();
            String runId = client.start("latency-probe", WaitInput.waitFor(eventId, null));
            awaitStatus(runId, RunStatus.WAITING);
            long sentAt = System.nanoTime();
            client.notify(eventId, "go");
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(1))
                    .until(() -> ResumeTimes.of(runId) != null);
            if (i >= 0) {
                latencies[i] = ResumeTimes.of(runId) - sentAt;
            }
        }
        Arrays.sort(latencies);
        report("notify -> resumed (in-process notify, Derby), %d samples: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms", samples, ms(latencies[samples / 2]), ms(latencies[samples * 9 / 10]),
                ms(latencies[samples * 99 / 100]), ms(latencies[samples - 1]));
    }

    @Test
    void heapAndThreadsOfAThousandWaitingRuns() {
        int runCount = 1000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        long startedAt = System.nanoTime();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < runCount; i++) {
            runIds.add(client.start("wait-for-text", WaitInput.waitFor("heap-" + UUID.randomUUID(), null)));
        }
        runIds.forEach(runId -> awaitStatus(runId, RunStatus.WAITING));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        long heapAfter = usedHeapAfterGc(memory);
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();

        report("%d runs started and waiting in %.1f s (%.0f runs/s); heap after GC %.1f MB -> %.1f MB (%+.1f MB);"
                        + " threads %d -> %d", runCount, seconds, runCount / seconds, heapBefore / 1e6,
                heapAfter / 1e6, (heapAfter - heapBefore) / 1e6, threadsBefore, threadsAfter);
        runIds.forEach(client::cancel);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void awaitStatus(String runId, RunStatus status) {
        await().atMost(Duration.ofSeconds(120)).pollInSameThread().pollInterval(Duration.ofMillis(2))
                .until(() -> client.getRun(runId).map(r -> r.status() == status).orElse(false));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(format, args));
    }
}
