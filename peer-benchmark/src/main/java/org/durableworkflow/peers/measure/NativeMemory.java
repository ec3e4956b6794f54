package org.durableworkflow.peers.measure;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * What this JVM has committed, by category of its Native Memory Tracking (heap, class metadata, compiled code, GC,
 * threads...): where the resident memory goes. Only when the JVM runs with {@code -XX:NativeMemoryTracking=summary}
 * ({@code -Dpeers.jvm=...}); this project's benchmarks print the same for its server.
 */
final class NativeMemory {

    private static final Pattern CATEGORY = Pattern.compile(
            "(?m)^(?:-\\s+(.+?) \\(|(Total): )reserved=\\d+KB, committed=(\\d+)KB");

    private NativeMemory() {
    }

    /** The categories of at least 1 MB committed, as "Total 341 MB, Java Heap 130 MB, ..."; null without NMT. */
    static String committed() throws Exception {
        boolean tracking = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-XX:NativeMemoryTracking=") && !arg.endsWith("=off"));
        if (!tracking) {
            return null;
        }
        String summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        StringBuilder committed = new StringBuilder();
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            long mb = Long.parseLong(m.group(3)) / 1024;
            if (mb >= 1) {
                committed.append(committed.isEmpty() ? "" : ", ")
                        .append(m.group(1) != null ? m.group(1) : m.group(2)).append(' ').append(mb).append(" MB");
            }
        }
        return committed.toString();
    }
}
