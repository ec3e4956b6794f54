package org.durableworkflow.impl.engine.result;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.durableworkflow.api.exception.UnknownRunException;
import org.durableworkflow.impl.store.RunState;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.ContainerParts;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Repeating;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The callers awaiting the end of runs on this server, by run id. A run that ends here answers its callers once its
 * ending committed ({@link #endedAfterCommit}); one that ends on another server of the cluster is found by one
 * periodic read of every awaited run at once, every {@link #CHECK_INTERVAL}, only while someone waits. Timeouts are
 * tasks of the container's scheduled executor: a waiting caller costs a map entry, not a thread.
 */
@ApplicationScoped
public class ResultWaiters {

    /** How often the runs awaited here are read, for those that end on another server. */
    public static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(ResultWaiters.class.getName());

    @Inject
    RunStore runs;
    @Inject
    Transactions transactions;

    private final Map<String, Set<Awaiting>> awaited = new ConcurrentHashMap<>();
    private final Object checking = new Object();
    /** The periodic read, while someone waits; guarded by {@link #checking}. */
    private Repeating check;
    private volatile ScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            scheduler(); // looked up where the application's JNDI names are sure to be visible
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the scheduled executor is looked up again at the first await", e);
        }
    }

    /** At the application's stop: no more reads; every caller is answered with the status last seen. */
    @PreDestroy
    void stop() {
        synchronized (checking) {
            if (check != null) {
                check.cancel();
                check = null;
            }
        }
        awaited.values().forEach(callers -> callers.forEach(Awaiting::giveUp));
    }

    /**
     * Awaits the end of run {@code runId}: {@code answer} is called once, with the run's final state as soon as it
     * ends, or, when {@code maxWait} passes first, with the status it was last seen in; {@code null} waits until
     * the caller gives up ({@link Awaiting#giveUp}). A run that has ended already is answered at once, on this
     * thread, as is a {@code maxWait} of zero.
     *
     * @throws UnknownRunException when there is no such run; nothing is left waiting
     */
    public Awaiting await(String runId, Duration maxWait, Consumer<RunState> answer) {
        if (!RunStore.couldBeRunId(runId)) {
            throw new UnknownRunException(runId);
        }
        Awaiting waiting = new Awaiting(runId, answer, this);
        // registered before the read: an ending that commits after the read finds the caller here
        awaited.compute(runId, (id, callers) -> {
            Set<Awaiting> set = callers == null ? ConcurrentHashMap.newKeySet() : callers;
            set.add(waiting);
            return set;
        });
        RunState now;
        try {
            now = runs.states(Collections.singletonList(runId)).stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            forget(waiting);
            throw e;
        }
        if (now == null) {
            forget(waiting);
            throw new UnknownRunException(runId);
        }
        waiting.seen(now.status());
        if (now.ended()) {
            forget(waiting);
            waiting.answer(now);
        } else if (maxWait != null && maxWait.isZero()) {
            waiting.giveUp();
        } else {
            try {
                if (maxWait != null) {
                    waiting.timeOutWith(scheduler().schedule(waiting::giveUp, maxWait.toMillis(),
                            TimeUnit.MILLISECONDS));
                }
                checkWhileAwaited();
            } catch (RuntimeException e) {
                forget(waiting); // no timer or no check (the application stopping, say): the caller is not kept
                throw e;
            }
        }
        return waiting;
    }

    /**
     * In the transaction that ends run {@code state.runId()}: answers its callers once that commits. When nobody
     * awaits any run now, nothing is registered; a caller that begins to wait before the commit is answered by the
     * next periodic read.
     */
    public void endedAfterCommit(RunState state) {
        if (!awaited.isEmpty()) {
            transactions.afterCommit(() -> ended(state));
        }
    }

    /** Answers every caller awaiting run {@code state.runId()}, which has ended, with {@code state}. */
    public void ended(RunState state) {
        Set<Awaiting> callers = awaited.remove(state.runId());
        if (callers != null) {
            for (Awaiting waiting : callers) {
                waiting.answer(state);
            }
        }
    }

    /** How many runs are awaited here now. */
    public int awaitedRuns() {
        return awaited.size();
    }

    void forget(Awaiting waiting) {
        awaited.computeIfPresent(waiting.runId(), (id, callers) -> {
            callers.remove(waiting);
            return callers.isEmpty() ? null : callers;
        });
    }

    private void checkWhileAwaited() {
        synchronized (checking) {
            if (check == null) {
                long every = CHECK_INTERVAL.toMillis();
                check = Repeating.start(scheduler(), this::checkAwaited, every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One read of every run awaited here: those that ended are answered; it stops when nobody waits. */
    void checkAwaited() {
        if (awaited.isEmpty()) {
            synchronized (checking) {
                if (awaited.isEmpty() && check != null) {
                    check.cancel();
                    check = null;
                }
            }
            return;
        }
        try {
            List<String> ids = new ArrayList<>(awaited.keySet());
            for (int from = 0; from < ids.size(); from += RunStore.STATES_AT_ONCE) {
                for (RunState state : runs.states(ids.subList(from,
                        Math.min(ids.size(), from + RunStore.STATES_AT_ONCE)))) {
                    if (state.ended()) {
                        ended(state);
                    } else {
                        awaited.getOrDefault(state.runId(), Set.of()).forEach(w -> w.seen(state.status()));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(ResultProblems.awaitedReadFailed(CHECK_INTERVAL.toMillis(), e.getMessage()));
        }
    }

    /** The container's scheduled executor, looked up once; a test gives its own. */
    protected ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Transactions.lookup(ContainerParts.SCHEDULER);
        }
        return scheduler;
    }
}
