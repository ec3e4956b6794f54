package org.durableworkflow.impl.engine.recovery;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.CDI;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops the engine gracefully when the container ends the application's Enterprise Beans: Payara undeploys a WAR
 * without firing {@code @BeforeDestroyed(ApplicationScoped.class)}, so without this a run executing during an
 * undeploy kept its lease. An EJB created at the start and never called, {@code @Vetoed} for the reason
 * {@code timer.WaitTimeouts} is; on every server the first of the two signals stops, the other finds it done. It
 * depends on {@code WaitTimeouts}, so the container ends it first: a run reaching a wait during the grace still arms
 * its timer.
 */
@Vetoed
@Singleton
@Startup
@DependsOn("WaitTimeouts")
public class StopSignal {

    private static final Logger LOG = Logger.getLogger(StopSignal.class.getName());

    @PreDestroy
    void applicationEnds() {
        try {
            CDI.current().select(GracefulStop.class).get().stop();
        } catch (ContextNotActiveException | IllegalStateException e) {
            // CDI has already ended the application: its own event stopped the engine before
            LOG.log(Level.FINE, "the engine stopped before", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, RecoveryMessages.leasesNotReleased(e.toString()), e);
        }
    }
}
