package org.durableworkflow.impl.time;

import java.time.Instant;

/** Time behind an interface, so that unit tests use a fake clock and never sleep. */
public interface Clock {

    /** Now, in epoch millis. */
    long millis();

    /** Now, in epoch nanos, as finely as the clock tells. */
    default long nanos() {
        return millis() * 1_000_000;
    }

    /** The system's clock: its nanos are finer than its millis (microseconds on Linux). */
    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    };
}
