package org.durableworkflow.impl.engine.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.store.LeaseStore;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Clock;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this server does as its application stops (undeploy, server stop, SIGTERM), so that the others of its cluster
 * take its runs at once instead of a lease later: it stops taking work (readiness turns DOWN with it), stops its
 * sweeps, gives the executions under way {@code shutdown.grace} to finish the step they are in (no run begins another
 * step once the dispatcher is closed), then expires the leases of every runnable run it holds but those still
 * executing. CDI fires {@code @BeforeDestroyed(ApplicationScoped.class)} before
 * any application-scoped bean is destroyed, so the engine, its executor and its data source are all still there.
 * Payara fires no such event when it undeploys a WAR, so the end of the application's Enterprise Beans stops it too
 * ({@link StopSignal}); whichever comes first stops, the other finds it done.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final long POLL_MILLIS = 50;

    @Inject
    Dispatcher dispatcher;
    @Inject
    Recovery recovery;
    @Inject
    LeaseStore leases;
    @Inject
    Transactions transactions;
    @Inject
    WorkflowConfig config;
    @Inject
    Clock clock;

    /** Per deployment, as the library's classes are: a bean CDI makes anew while it ends the application sees it. */
    private static final AtomicBoolean STOPPED = new AtomicBoolean();

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop();
    }

    /** Stops this server's part of the engine, once: a second call returns at once. */
    public void stop() {
        if (!STOPPED.compareAndSet(false, true)) {
            return;
        }
        int dropped = dispatcher.close();
        recovery.stopSweeps();
        LOG.info(RecoveryMessages.stopping(dropped, dispatcher.heldRunIds().size(), config.shutdownGrace()));
        Set<String> executing = awaitExecutions(clock.millis() + config.shutdownGrace().toMillis());
        try {
            int released = transactions.required(() -> leases.releaseLeases(config.serverId(), executing));
            LOG.info(RecoveryMessages.stopped(released, executing.size()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, RecoveryMessages.leasesNotReleased(e.getMessage()));
        }
    }

    /** Waits until no execution is under way here, or {@code deadline}; returns the runs still executing. */
    private Set<String> awaitExecutions(long deadline) {
        Set<String> executing = dispatcher.heldRunIds();
        while (!executing.isEmpty() && clock.millis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            executing = dispatcher.heldRunIds();
        }
        return executing;
    }
}
