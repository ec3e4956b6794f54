package org.durableworkflow.impl.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Arms the timeouts of waits. Deadlines fall in windows of {@code durable-workflow.timer-window} (1 s); each window
 * has one persistent EJB timer, shared by every wait of the cluster due in it, created in the transaction of the
 * first of them and firing one window ahead. When it fires, the server it fires on times the window's waiters out
 * from memory, each at its deadline ({@link LocalTimeouts}). A wait due before its window's timer could fire is timed
 * out from the memory of the server that registered it.
 *
 * <p>Why not one timer per wait: creating, reading back and cancelling it cost six round trips and a fifth of the
 * server's CPU per wait, and many timers firing at once could stall the connection pool. What it costs: a server
 * that dies holding timeouts in memory leaves them to the recovery sweep of another (one lease after the deadline);
 * a window's timer pending on a dead server moves to a live one like any persistent timer. Server clocks must agree
 * within one window.
 */
@ApplicationScoped
public class DeadlineWindows {

    @Inject
    WindowStore store;
    @Inject
    TimerGateway timers;
    @Inject
    LocalTimeouts local;
    @Inject
    Transactions transactions;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    /** Windows this server knows to be armed: committed, their timer pending or fired. */
    private final Set<Long> armed = ConcurrentHashMap.newKeySet();

    /** In the transaction registering waiter {@code waiterId}: makes sure it times out at {@code deadline}. */
    public void arm(long waiterId, long deadline) {
        long width = width();
        long start = Math.floorDiv(deadline, width) * width;
        long firesAt = start - width;
        if (firesAt > clock.millis() + width && !armed.contains(start)) {
            if (store.claim(start)) {
                timers.armWindow(start, start + width, firesAt);
                transactions.afterCommit(() -> remember(start));
            } else {
                remember(start);
            }
        }
        transactions.afterCommit(() -> {
            // due too soon for the window's timer to see this waiter, which a commit just now may miss
            if (deadline < clock.millis() + 3 * width) {
                local.timeOutAt(waiterId, deadline);
            }
        });
    }

    /**
     * In the transaction of the timer of window {@code [start, end)}: its waiters time out from this server. The
     * transaction only reads; the window's row is deleted later by {@link #forgetFired}.
     */
    public void fired(long start, long end) {
        List<WindowStore.Due> due = store.waitingDue(start, end);
        transactions.afterCommit(() -> timeOutFromMemory(due));
    }

    /** From the recovery sweep, in a transaction of its own: deletes the rows of windows whose timer has fired. */
    public void forgetFired() {
        long now = clock.millis();
        transactions.required(() -> store.releaseBefore(now - width()));
    }

    /** At start: the waiters due so soon that their window's timer may have fired in this server's previous life. */
    public void adoptDueSoon() {
        long now = clock.millis();
        timeOutFromMemory(transactions.required(() ->
                store.waitingDue(now - config.lease().toMillis(), now + 3 * width())));
    }

    /** The waiters grouped by deadline: {@link LocalTimeouts#timeOutAt(List, long)} decides how many tasks. */
    private void timeOutFromMemory(List<WindowStore.Due> due) {
        due.stream().collect(Collectors.groupingBy(WindowStore.Due::deadline, TreeMap::new,
                        Collectors.mapping(WindowStore.Due::waiterId, Collectors.toList())))
                .forEach((deadline, waiterIds) -> local.timeOutAt(waiterIds, deadline));
    }

    private void remember(long start) {
        long now = clock.millis();
        armed.removeIf(known -> known < now);
        armed.add(start);
    }

    private long width() {
        return config.timerWindow().toMillis();
    }
}
