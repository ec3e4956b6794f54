package org.durableworkflow.it.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds the steps of {@code held-at-gate} runs until a test opens it, so that a test can keep executions busy. */
public final class Gate {

    private static volatile CountDownLatch open = new CountDownLatch(1);
    private static final AtomicInteger HELD = new AtomicInteger();

    private Gate() {
    }

    /** Closes the gate for the steps that reach it from now on. */
    public static void close() {
        open = new CountDownLatch(1);
    }

    public static void open() {
        open.countDown();
    }

    /** How many steps are held at the gate now. */
    public static int held() {
        return HELD.get();
    }

    /** Waits until the gate opens; a minute at most, so that a failed test leaves no execution held for ever. */
    static void pass() throws InterruptedException {
        HELD.incrementAndGet();
        try {
            open.await(1, TimeUnit.MINUTES);
        } finally {
            HELD.decrementAndGet();
        }
    }
}
