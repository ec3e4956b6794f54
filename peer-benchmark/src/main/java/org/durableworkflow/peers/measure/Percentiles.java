package org.durableworkflow.peers.measure;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a set of samples. */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(List<Double> samples) {
        sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    public double at(double percent) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
