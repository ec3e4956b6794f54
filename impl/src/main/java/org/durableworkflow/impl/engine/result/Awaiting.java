package org.durableworkflow.impl.engine.result;

import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.RunState;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One caller awaiting the end of a run ({@link ResultWaiters#await}): answered once, with the run's final state or,
 * when it gives up, with the status the run was last seen in. Holds no thread.
 */
public final class Awaiting {

    private static final Logger LOG = Logger.getLogger(Awaiting.class.getName());

    private final String runId;
    private final Consumer<RunState> answer;
    private final ResultWaiters registry;
    private final AtomicBoolean answered = new AtomicBoolean();
    /** The status the run was in when last read: what a caller that gives up is told. */
    private volatile RunStatus lastSeen;
    /** The timer that gives up for the caller, if one is armed. */
    private volatile Future<?> timeout;

    Awaiting(String runId, Consumer<RunState> answer, ResultWaiters registry) {
        this.runId = runId;
        this.answer = answer;
        this.registry = registry;
    }

    public String runId() {
        return runId;
    }

    /** Whether the caller has had its answer. */
    public boolean answered() {
        return answered.get();
    }

    /**
     * Stops waiting: the caller is answered with the status the run was last seen in, unless it was answered
     * already; it is no longer awaited either way.
     */
    public void giveUp() {
        registry.forget(this);
        answer(new RunState(runId, lastSeen, null, null));
    }

    void seen(RunStatus status) {
        lastSeen = status;
    }

    void timeOutWith(Future<?> timer) {
        timeout = timer;
        if (answered()) {
            timer.cancel(false); // answered while the timer was being armed
        }
    }

    /** Answers the caller with {@code state}, unless it was answered before; whether this call answered it. */
    boolean answer(RunState state) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        Future<?> timer = timeout;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            answer.accept(state);
        } catch (RuntimeException e) {
            // the caller went away (a closed connection): nobody is left to tell
            LOG.log(Level.FINE, "the caller awaiting run " + runId + " could not be answered", e);
        }
        return true;
    }
}
