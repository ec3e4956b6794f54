package org.durableworkflow.peers.order;

/** The event a run waits for, as in the library's sample: {@code order-<run>}. */
public final class EventIds {

    private EventIds() {
    }

    public static String of(int run) {
        return "order-" + run;
    }
}
