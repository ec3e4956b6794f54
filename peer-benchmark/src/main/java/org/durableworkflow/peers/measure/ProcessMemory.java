package org.durableworkflow.peers.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap after a full collection, resident memory and live threads of this JVM, where the peer is embedded. */
public record ProcessMemory(double heapMb, double rssMb, int threads) {

    public static ProcessMemory now() throws IOException, InterruptedException {
        // Twice: the first collection may leave objects to finalize or references to clear for the second.
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        // Platform threads only: virtual threads are not counted by the JVM's thread bean.
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new ProcessMemory(heap.getUsed() / 1048576.0, rssKb() / 1024.0, threads);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
