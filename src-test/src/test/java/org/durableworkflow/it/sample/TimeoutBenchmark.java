package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How late a wait's timeout fires on one server and PostgreSQL ({@code -Dbench.db=derby}: embedded Derby): after 2,000
 * complete workflows of warm-up, orders started in-process at 20 a second, as the peers' benchmarks start theirs, wait
 * 5 s for an event that never comes. Four figures per timeout, all from times the server took: until its TIMED_OUT
 * outcome was journaled (the waiter settled); until the body of the timeout branch's step began ({@link ResumeProbe}),
 * which is what the peers' benchmarks measure (their timeout branch's step begins); until that step wrote the
 * cancellation to the outbox (with the time, after taking its connection and preparing its statement); and until
 * its run completed. Not part of the test suite: run it on purpose (docs/BENCHMARKS.md). It prints its figures,
 * asserts nothing.
 */
class TimeoutBenchmark {

    private static final int ORDERS = 400;
    /**
     * Complete workflows before the timeouts, as the peers' benchmarks have run 4,500 in their JVM when they time
     * theirs out: the timeouts are then timed on code the JIT compiler has seen, not on a cold server.
     */
    private static final int WARM_UP = 2000;
    private static final int FIRST_CHUNK = 10;
    private static final int WARM_UP_CHUNK = 100;
    private static final int PER_SECOND = 20;
    private static SampleLoad load;

    @BeforeAll
    static void start() throws Exception {
        // called in-process, as the peers' benchmarks call their engines: no HTTP work on the server's cores
        load = SampleLoad.onChosenDatabase(Map.of("ORDER_WAIT_TIMEOUT", "5s"), 4).inProcess(true);
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
    }

    @Test
    void howLateTimeoutsFire() throws Exception {
        // Each chunk must be waiting and notified well within the 5 s timeout, or the count of waiting runs it
        // awaits never comes: the first is small, as a cold server on Derby has taken 6 s to start 100.
        for (int chunk = 0, done = 0; done < WARM_UP; chunk++) {
            int size = chunk == 0 ? FIRST_CHUNK : Math.min(WARM_UP_CHUNK, WARM_UP - done);
            load.startAll("warm-up-" + chunk + "-", size, size);
            load.notifyAll("warm-up-" + chunk + "-", size);
            load.awaitAllCompleted();
            done += size;
        }

        load.startAtRateTimingCancellations("timeout-", ORDERS, PER_SECOND);
        load.awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'", WARM_UP + ORDERS);

        double[] settled = lateness("s.CREATED_AT");
        double[] stepBegan = stepBeganLate(load.cancellationsBegun());
        double[] rowWritten = lateness("o.CREATED_AT");
        double[] completed = lateness("r.UPDATED_AT");
        SampleLoad.report("%d timeouts of 5 s, started at %d/s: settled late by %s; timeout step began late by %s;"
                        + " it wrote its row late by %s; run completed late by %s", completed.length, PER_SECOND,
                SampleLoad.percentiles(settled), SampleLoad.percentiles(stepBegan), SampleLoad.percentiles(rowWritten),
                SampleLoad.percentiles(completed));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.putAll(inMillis("timeout_settled_late", settled));
        figures.putAll(inMillis("timeout_late", stepBegan)); // as the peers' figure of that name
        figures.putAll(inMillis("timeout_row_late", rowWritten));
        figures.putAll(inMillis("timeout_completed_late", completed));
        PeerFigures.put(load.db(), figures);
    }

    /** Keys such as {@code timeout_late_p99_ms}, as the peers' benchmarks name them. */
    private static Map<String, Object> inMillis(String prefix, double[] sorted) {
        Map<String, Object> figures = new LinkedHashMap<>();
        PeerFigures.percentiles(prefix, sorted).forEach((key, value) -> figures.put(key + "_ms", value));
        figures.put(prefix + "_min_ms", sorted[0]);
        return figures;
    }

    /** For each timed-out order, sorted: the moment its timeout branch's step began minus its deadline, in ms. */
    private static double[] stepBeganLate(Map<String, Long> begun) throws Exception {
        List<String[]> deadlines = load.rows("SELECT w.EVENT_ID, w.DEADLINE FROM DWF_WAITER w"
                + " JOIN DWF_STEP s ON s.RUN_ID = w.RUN_ID AND s.SEQ = w.SEQ WHERE s.OUTCOME = 'TIMED_OUT'");
        if (deadlines.size() != begun.size()) {
            throw new IllegalStateException(deadlines.size() + " timeouts, " + begun.size() + " timeout steps began");
        }
        return deadlines.stream().mapToDouble(row -> {
            Long began = begun.get(row[0].substring("order-".length()));
            if (began == null) {
                throw new IllegalStateException("no moment taken for the timeout of " + row[0]);
            }
            return began - Long.parseLong(row[1]);
        }).sorted().toArray();
    }

    /**
     * For each timed-out order, sorted: {@code time} minus its deadline, in ms; {@code time} a column of the wait's
     * journal row {@code s}, of the run {@code r}, or of the cancellation {@code o} that the timeout branch's step
     * wrote to the sample's outbox, with the time its body ran.
     */
    private static double[] lateness(String time) throws Exception {
        List<String[]> rows = load.rows("SELECT " + time + " - w.DEADLINE FROM DWF_STEP s"
                + " JOIN DWF_WAITER w ON s.RUN_ID = w.RUN_ID AND s.SEQ = w.SEQ"
                + " JOIN DWF_RUN r ON r.RUN_ID = s.RUN_ID"
                + " JOIN SAMPLE_OUTBOX o ON o.KIND = 'CANCELLATION' AND w.EVENT_ID = 'order-' || o.ORDER_ID"
                + " WHERE s.OUTCOME = 'TIMED_OUT' AND r.STATUS = 'COMPLETED'");
        return rows.stream().mapToDouble(r -> Long.parseLong(r[0])).sorted().toArray();
    }
}
