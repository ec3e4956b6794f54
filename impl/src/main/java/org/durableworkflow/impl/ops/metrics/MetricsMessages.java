package org.durableworkflow.impl.ops.metrics;

/** The catalogue of the metrics' log lines, each with its code (docs/error-codes.md). */
final class MetricsMessages {

    private MetricsMessages() {
    }

    /** Which API records the metrics, chosen at start. */
    static String recordingThrough(String api) {
        return "DWF0740: workflow metrics are recorded through " + api;
    }

    /** The gauges of runs waiting and runnable are not refreshed. */
    static String countsNotRefreshed(String cause) {
        return "DWF0741: the gauges of runs waiting and runnable are not refreshed: " + cause;
    }
}
