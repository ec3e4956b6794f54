package org.durableworkflow.it.sample;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far, in milliseconds, by the processes a benchmark shares the machine with: a process by pid,
 * all PostgreSQL processes, and this JVM (the load generator). Read from {@code /proc}, in clock ticks of 10 ms.
 */
final class CpuTime {

    private static final long MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    /** User and system time of process {@code pid}, its exited children included. */
    static long ofProcess(String pid) throws IOException {
        String[] fields = statFields(Path.of("/proc", pid, "stat"));
        return ticks(fields) * MILLIS_PER_TICK;
    }

    /** User and system time of every process named {@code postgres}: the server, its backends and workers. */
    static long ofPostgres() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] fields = statFields(process.resolve("stat"));
                    if (fields[0].equals("postgres")) {
                        ticks += ticks(fields);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return ticks * MILLIS_PER_TICK;
    }

    /** This JVM's CPU time. */
    static long ofThisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The fields of a {@code /proc/<pid>/stat} line after the pid; the first is the command name. */
    private static String[] statFields(Path stat) throws IOException {
        String line = Files.readString(stat);
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 1];
        fields[0] = name;
        System.arraycopy(rest, 0, fields, 1, rest.length);
        return fields;
    }

    /** utime + stime + cutime + cstime: fields 14-17 of the stat line, at 12-15 here as the pid is left out. */
    private static long ticks(String[] fields) {
        long sum = 0;
        for (int i = 12; i <= 15; i++) {
            sum += Long.parseLong(fields[i]);
        }
        return sum;
    }
}
