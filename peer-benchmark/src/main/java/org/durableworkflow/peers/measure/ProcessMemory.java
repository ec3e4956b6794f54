package org.durableworkflow.peers.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap after a full collection, resident memory and threads of this JVM, where the peer is embedded. Resident memory
 * and threads are read from {@code /proc}, as this project's benchmarks read its server's: every thread of the
 * process, the JVM's own (garbage collector, compilers) included.
 */
public record ProcessMemory(double heapMb, double rssMb, int threads) {

    public static ProcessMemory now() throws IOException, InterruptedException {
        // Twice: the first collection may leave objects to finalize or references to clear for the second.
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        // Operating-system threads: a virtual thread is not one, its carrier is. The JVM's thread bean would count
        // fewer, leaving out the JVM's own threads, which this project's figure counts.
        return new ProcessMemory(heap.getUsed() / 1048576.0, procStatus("VmRSS:") / 1024.0,
                (int) procStatus("Threads:"));
    }

    private static long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/self/status");
    }
}
