package org.durableworkflow.impl.health;

import java.util.Map;

/**
 * What a health check answers: UP or DOWN, and the figures and reason it shows with it.
 *
 * @param data names to values (numbers, strings), in the order they are shown
 */
public record Verdict(boolean up, Map<String, Object> data) {

    public Verdict {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
