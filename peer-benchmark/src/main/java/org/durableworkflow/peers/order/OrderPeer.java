package org.durableworkflow.peers.order;

import java.time.Duration;

import org.durableworkflow.peers.measure.PeerDatabase;

/**
 * One peer running the order workflow, embedded in this JVM: step 1 writes the outbox, the run waits for event
 * {@code order-<run>} or a timeout, then step 3 computes and step 4 writes the outbox again.
 */
public interface OrderPeer extends AutoCloseable {

    /** Short name, used for the result file. */
    String name();

    /** The peer's own version string. */
    String version();

    /** The PostgreSQL database the peer alone uses; the harness recreates it before each phase. */
    String database();

    /** Starts the engine on its freshly created database; the steps report to the probe. */
    void open(PeerDatabase db, Probe probe) throws Exception;

    /** Starts run {@code run}, returning when the peer has accepted it (not necessarily when it waits). */
    void start(int run, Duration timeout) throws Exception;

    /** Delivers event {@code order-<run>} to its waiting run. */
    void notify(int run) throws Exception;

    /** Runs blocked in the wait, by the peer's own state. */
    int waiting() throws Exception;

    /** Runs finished, by the peer's own state (either branch). */
    int completed() throws Exception;

    @Override
    void close() throws Exception;
}
