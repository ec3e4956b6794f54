package org.durableworkflow.impl.ops.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The series of one metric by label value, made once: a record is then one map read, no registry lookup and no
 * allocation. Past {@value #MOST} values (step names built from data, say) the rest share the value
 * {@value #OTHER}, so that a careless label cannot grow the registry without end.
 */
final class LabelCache<T> {

    static final int MOST = 500;
    static final String OTHER = "other";

    private final ConcurrentHashMap<String, T> byValue = new ConcurrentHashMap<>();
    private final Function<String, T> make;

    LabelCache(Function<String, T> make) {
        this.make = make;
    }

    T get(String value) {
        T found = byValue.get(value);
        if (found != null) {
            return found;
        }
        return byValue.computeIfAbsent(byValue.size() < MOST ? value : OTHER, make);
    }
}
