package org.durableworkflow.it.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * How late a wait's timeout fires on one server and PostgreSQL ({@code -Dbench.db=derby}: embedded Derby): orders wait
 * 5 s for an event that never comes; the lateness of each is the time its TIMED_OUT outcome was journaled minus its
 * deadline, both written by the server. Not part of the test suite: run it on purpose (docs/BENCHMARKS.md). It prints
 * its figures, asserts nothing.
 */
class TimeoutBenchmark {

    private static final int ORDERS = 400;
    private static final int PER_SECOND = 20;
    private static SampleLoad load;

    @BeforeAll
    static void start() throws Exception {
        load = SampleLoad.onChosenDatabase(Map.of("ORDER_WAIT_TIMEOUT", "5s"), 4);
    }

    @AfterAll
    static void stop() throws Exception {
        load.close();
    }

    @Test
    void howLateTimeoutsFire() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            LockSupport.parkNanos(start + i * 1_000_000_000L / PER_SECOND - System.nanoTime());
            load.startOrder("timeout-" + i);
        }
        load.awaitCount("SELECT COUNT(*) FROM DWF_RUN WHERE STATUS = 'COMPLETED'", ORDERS);

        List<String[]> rows = load.rows("SELECT s.CREATED_AT - w.DEADLINE FROM DWF_STEP s"
                + " JOIN DWF_WAITER w ON s.RUN_ID = w.RUN_ID AND s.SEQ = w.SEQ WHERE s.OUTCOME = 'TIMED_OUT'");
        long[] late = rows.stream().mapToLong(r -> Long.parseLong(r[0])).sorted().toArray();
        SampleLoad.report("%d timeouts of 5 s, started at %d/s: fired late by %s", late.length, PER_SECOND,
                SampleLoad.percentiles(late));
        PeerFigures.put(load.db(), Map.of("timeout_late_p50_ms", late[late.length / 2],
                "timeout_late_p99_ms", late[late.length * 99 / 100], "timeout_late_max_ms", late[late.length - 1],
                "timeout_late_min_ms", Arrays.stream(late).min().orElse(0)));
    }
}
