package org.durableworkflow.peers.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One system's figures: a peer's, or this project's own ({@code durable-workflow-*.json}). */
record ResultFile(String name, Map<String, Object> values) {

    private static final String OWN_PREFIX = "durable-workflow";

    /** Every {@code *.json} in the folder, this project's own first, then by name. */
    static List<ResultFile> all(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(ResultFile::read)
                    .sorted(Comparator.comparing((ResultFile r) -> !r.name().startsWith(OWN_PREFIX))
                            .thenComparing(ResultFile::name))
                    .toList();
        }
    }

    private static ResultFile read(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            Map<String, Object> values = FlatJson.parse(Files.readString(file));
            // The file name tells this project's stores apart, where "peer" may be the same in both.
            String name = stem.startsWith(OWN_PREFIX) || !(values.get("peer") instanceof String p) ? stem : p;
            return new ResultFile(name, values);
        } catch (IOException | RuntimeException e) {
            System.out.println("chart: skipping " + file.getFileName() + ": " + e.getMessage());
            return new ResultFile(stem, Map.of());
        }
    }

    /** The number under {@code key}, or null where the file has none. */
    Double number(String key) {
        return values.get(key) instanceof Double d ? d : null;
    }

    String label() {
        return values.get("version") instanceof String v ? name + " " + v : name;
    }
}
