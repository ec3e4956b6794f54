package org.durableworkflow.impl.time;

/** Time behind an interface, so that unit tests use a fake clock and never sleep. */
public interface Clock {

    /** Now, in epoch millis. */
    long millis();

    /** The system's clock. */
    Clock SYSTEM = System::currentTimeMillis;
}
