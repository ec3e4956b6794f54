package org.durableworkflow.peers.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The flat JSON object of one peer's figures, written again after each phase so a failure keeps what was done. */
public final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Path file;

    public Figures(Path file) {
        this.file = file;
    }

    public void put(String key, String value) {
        values.put(key, value);
    }

    public void put(String key, double value) {
        values.put(key, Double.isFinite(value) ? Math.round(value * 10) / 10.0 : null);
    }

    public void write() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toJson() + "\n");
    }

    public String toJson() {
        return values.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + json(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }

    private static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof Double d) return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
