package org.durableworkflow.peers.measure;

import java.time.Duration;
import java.util.Arrays;

/** The run's settings, from system properties. */
public record BenchmarkSettings(int n, int warmup, int clients, int[] waitingSteps, Duration fillCap) {

    public static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("peers.n", 2000),
                Integer.getInteger("peers.warmup", 500),
                Integer.getInteger("peers.clients", 16),
                Arrays.stream(System.getProperty("peers.waiting", "1000,10000,100000").split(","))
                        .mapToInt(s -> Integer.parseInt(s.strip())).toArray(),
                Duration.ofSeconds(Integer.getInteger("peers.fillCapSeconds", 600)));
    }
}
