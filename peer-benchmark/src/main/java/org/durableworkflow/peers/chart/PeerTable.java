package org.durableworkflow.peers.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The side-by-side table of docs/BENCHMARKS.md, written as {@code peers.md} beside the result files it is read
 * from: this project on PostgreSQL and on Derby, DBOS, Flowable and pgbench, with the ratios of this project on
 * PostgreSQL to each peer, in bold where this project is ahead.
 */
public final class PeerTable {

    private static final String OURS = "durable-workflow-postgres";
    private static final String[] COLUMNS = {OURS, "durable-workflow-derby", "dbos", "flowable", "pgbench"};
    private static final String[] PEERS = {"dbos", "flowable"};
    private static final String[] COUNTS = {"1k", "10k", "100k"};

    /** One row: its label, its parts (a value each, read from a result file), and whether more is better. */
    private record Row(String label, List<Function<ResultFile, Double>> parts, List<String> partNames,
                       boolean moreIsBetter, int decimals) {

        /**
         * Where the fill of {@code result} stopped, when part {@code i} is a count of waiting runs it did not reach;
         * otherwise null.
         */
        Double reachedInstead(int i, ResultFile result) {
            boolean perCount = i < COUNTS.length && partNames.get(i).equals(COUNTS[i] + " ");
            return perCount ? result.number("waiting_reached_" + COUNTS[i]) : null;
        }
    }

    private PeerTable() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "target/results"));
    }

    public static void write(Path dir) throws IOException {
        List<ResultFile> results = ResultFile.all(dir);
        StringBuilder md = new StringBuilder("| figure | this project, PostgreSQL | this project, Derby | DBOS"
                + " | Flowable | pgbench | this (PostgreSQL) / DBOS | this (PostgreSQL) / Flowable |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            md.append("| ").append(row.label());
            for (String column : COLUMNS) {
                md.append(" | ").append(cells(row, find(results, column)));
            }
            for (String peer : PEERS) {
                md.append(" | ").append(ratios(row, find(results, OURS), find(results, peer)));
            }
            md.append(" |\n");
        }
        Path file = dir.resolve("peers.md");
        Files.writeString(file, md);
        System.out.println("table: " + file);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(one("starts per second until all wait", "start_per_s", true, 0));
        rows.add(new Row("complete workflows per second", List.of(r -> r.name().equals("pgbench")
                ? r.number("complete_per_s_earlier") : r.number("complete_per_s"), r -> r.name().equals("pgbench")
                ? r.number("complete_per_s") : null), List.of("", ""), true, 0));
        rows.add(one("notify until completed, per second", "notify_to_complete_per_s", true, 0));
        rows.add(three("notify -> resumed at 100/s, p50 / p99 / max (ms)", "latency_fixed_", "", 1));
        rows.add(three("notify -> resumed, all at once, p50 / p99 / max (ms)", "latency_full_", "", 1));
        rows.add(one("commits per workflow (PostgreSQL's counters)", "commits_per_workflow", false, 1));
        rows.add(one("statements per workflow (PostgreSQL's statement log)", "statements_per_workflow", false, 1));
        rows.add(one("round trips per workflow (the statements less the BEGINs sent with the first statement)",
                "round_trips_per_workflow", false, 1));
        rows.add(one("rows written per workflow (PostgreSQL's counters)", "rows_written_per_workflow", false, 0));
        rows.add(three("timeout fires late, until the timeout step's body began, p50 / p99 / max (ms)",
                "timeout_late_", "_ms", 0));
        rows.add(waiting("heap after GC with 1k / 10k / 100k waiting (MB)", "heap_mb", false, 1));
        rows.add(waiting("heap added to its host, same counts (MB)", "heap_mb", true, 1));
        rows.add(waiting("resident memory, 1k / 10k / 100k waiting (MB)", "rss_mb", false, 0));
        rows.add(waiting("resident memory added to its host (MB)", "rss_mb", true, 0));
        rows.add(waiting("threads, 1k / 10k / 100k waiting", "threads", false, 0));
        rows.add(waiting("threads added to its host", "threads", true, 0));
        return rows;
    }

    private static Row one(String label, String key, boolean moreIsBetter, int decimals) {
        return new Row(label, List.of(r -> r.number(key)), List.of(""), moreIsBetter, decimals);
    }

    private static Row three(String label, String prefix, String suffix, int decimals) {
        List<Function<ResultFile, Double>> parts = new ArrayList<>();
        for (String p : List.of("p50", "p99", "max")) parts.add(r -> r.number(prefix + p + suffix));
        return new Row(label, parts, List.of("p50 ", "p99 ", "max "), false, decimals);
    }

    /**
     * Heap, resident memory or threads at each count of waiting runs; {@code added}: less the host's
     * reading (this project's Liberty with no application, a peer's JVM before the engine opened). A count the
     * peer did not reach is read where its fill stopped.
     */
    private static Row waiting(String label, String key, boolean added, int decimals) {
        List<Function<ResultFile, Double>> parts = new ArrayList<>();
        for (String count : COUNTS) {
            parts.add(r -> {
                Double value = r.number(key + "_" + count);
                if (value == null && r.number("waiting_reached_" + count) != null) value = r.number(key + "_reached");
                if (value == null || !added) return value;
                Double host = r.number(key + (r.name().startsWith("durable-workflow") ? "_server_only" : "_host"));
                return host == null ? null : value - host;
            });
        }
        return new Row(label, parts, List.of("1k ", "10k ", "100k "), false, decimals);
    }

    private static String cells(Row row, ResultFile result) {
        if (result == null) return "";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.parts().size(); i++) {
            Double value = row.parts().get(i).apply(result);
            if (value == null) continue;
            Double reached = row.reachedInstead(i, result);
            values.add(format(value, row.decimals()) + (reached == null ? "" : " at " + format(reached, 0)));
        }
        return String.join(" / ", values);
    }

    /** This project's value over the peer's for each part both have, in bold where this project is ahead. */
    private static String ratios(Row row, ResultFile ours, ResultFile peer) {
        if (ours == null || peer == null) return "";
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < row.parts().size(); i++) {
            Double mine = row.parts().get(i).apply(ours);
            Double theirs = row.parts().get(i).apply(peer);
            // a difference from a host can be nil or below it: no ratio then
            if (mine == null || theirs == null || mine < 0 || theirs <= 0 || row.reachedInstead(i, peer) != null) {
                continue;
            }
            double ratio = mine / theirs;
            boolean ahead = row.moreIsBetter() ? ratio > 1 : ratio < 1;
            String text = ratio == 0 ? "0" : String.format(Locale.ROOT, ratio < 0.01 ? "%.1g" : "%.2f", ratio);
            ratios.add(row.partNames().get(i) + (ahead ? "**" + text + "**" : text));
        }
        return String.join(", ", ratios);
    }

    private static ResultFile find(List<ResultFile> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%,." + decimals + "f", value);
    }
}
