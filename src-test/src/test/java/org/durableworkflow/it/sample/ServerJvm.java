package org.durableworkflow.it.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a sample server runs in, and what it holds, read from {@code /proc} and {@code jcmd}. The server runs on
 * the JDK and JVM options {@code -Dserver.java.home} and {@code -Dserver.jvm.args} name, as the side-by-side
 * benchmark runs it on the peers' JVM and flags; otherwise on Liberty's defaults and the JDK that runs Maven.
 */
final class ServerJvm {

    private static final String JAVA_HOME = System.getProperty("server.java.home");
    private static final String JVM_ARGS = System.getProperty("server.jvm.args");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total .*?used (\\d+)K");
    private static final Pattern NATIVE_CATEGORY = Pattern.compile(
            "(?m)^(?:-\\s+(.+?) \\(|(Total): )reserved=\\d+KB, committed=(\\d+)KB");

    private final String pid;

    ServerJvm(String pid) {
        this.pid = pid;
    }

    /** What Liberty's {@code server} script reads for the JDK and JVM options, when they are set. */
    static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        if (JAVA_HOME != null) {
            environment.put("JAVA_HOME", JAVA_HOME);
        }
        if (JVM_ARGS != null) {
            environment.put("JVM_ARGS", JVM_ARGS);
        }
        return environment;
    }

    /** The JVM options and Java version, as the peers' result files name theirs. */
    static String description() throws IOException {
        String version = Files.readAllLines(javaHome().resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION=")).map(line -> line.replaceAll("[^0-9.]", ""))
                .findFirst().orElse("?");
        return (JVM_ARGS == null ? "no options" : JVM_ARGS) + " (Java " + version + ")";
    }

    /** Resident memory, in bytes. */
    long residentBytes() throws IOException {
        return Long.parseLong(procStatus("VmRSS:")) * 1024;
    }

    /** The CPU time used so far, in milliseconds. */
    long cpuMillis() throws IOException {
        return CpuTime.ofProcess(pid);
    }

    /**
     * The threads of the process, less the JVM's attach listener: the {@code jcmd} of {@link #heapUsedAfterGc}
     * starts it, and the peers, which measure themselves, have none.
     */
    int threads() throws IOException {
        return threadNames().size();
    }

    /** The names of the process's threads (cut to 15 characters by {@code /proc}), sorted, less the attach listener. */
    List<String> threadNames() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            return tasks.map(ServerJvm::threadName).filter(name -> !name.equals("Attach Listener")).sorted().toList();
        }
    }

    /** The live objects of the heap by class ({@code jcmd GC.class_histogram}, which collects first). */
    String classHistogram() throws Exception {
        return jcmd("GC.class_histogram");
    }

    /** The heap in use right after a full garbage collection, in bytes. */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        // Java 17: "heap   total 163840K, used 44052K"; Java 25: "heap   total reserved ..., committed ..., used ..."
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /**
     * What the JVM has committed by category of its Native Memory Tracking, as "Total 341 MB, Java Heap 130 MB, ..."
     * (categories of 1 MB or more), when it runs with {@code -XX:NativeMemoryTracking=summary}; otherwise
     * {@code null}. The peers' benchmark prints the same for each peer.
     */
    String nativeMemoryCommitted() throws Exception {
        if (JVM_ARGS == null || !JVM_ARGS.contains("-XX:NativeMemoryTracking=summary")) {
            return null;
        }
        Matcher category = NATIVE_CATEGORY.matcher(jcmd("VM.native_memory summary"));
        StringJoiner committed = new StringJoiner(", ");
        while (category.find()) {
            long mb = Long.parseLong(category.group(3)) / 1024;
            if (mb >= 1) {
                committed.add((category.group(1) != null ? category.group(1) : category.group(2)) + " " + mb + " MB");
            }
        }
        return committed.toString();
    }

    private static Path javaHome() {
        return Path.of(JAVA_HOME != null ? JAVA_HOME : System.getProperty("java.home"));
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    private String jcmd(String command) throws Exception {
        Process process = new ProcessBuilder(javaHome().resolve("bin/jcmd").toString(), pid, command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private String procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith(field)) {
                return line.replaceAll("[^0-9]", "");
            }
        }
        throw new IllegalStateException(field + " not in /proc status");
    }
}
