package org.durableworkflow.impl.timer;

/**
 * What the timers hand a waiter to when its deadline has come: the engine implements it, so that the timers call the
 * engine without knowing it. A waiter settled meanwhile (notified, say) is left as it is.
 */
public interface TimeoutHandler {

    /** Times out waiter {@code waiterId} in the current transaction or a new one; its run is queued to execute. */
    void timeOut(long waiterId);

    /**
     * Times out waiter {@code waiterId} at its deadline and executes its run on this thread, in that transaction.
     *
     * @param early    whether the run may be read and replayed up to the wait before the deadline
     * @param untilDue waits until the deadline
     */
    void timeOutAndExecute(long waiterId, boolean early, Runnable untilDue);
}
