package org.durableworkflow.impl.timer;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import org.durableworkflow.api.exception.StorageUnavailableException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Set;

/** Reaches the {@link WaitTimeouts} EJB from CDI beans. */
@ApplicationScoped
public class TimerGateway {

    private static final String JNDI_NAME = "java:module/WaitTimeouts!" + WaitTimeouts.class.getName();

    private volatile WaitTimeouts timeouts;

    /**
     * Creates the persistent timer of window {@code [start, end)} in the current transaction.
     *
     * @throws StorageUnavailableException when the container could not store it (its transaction is rolled back
     *         then): a failure of the database, never of the caller's workflow
     */
    public void armWindow(long start, long end, long firesAt) {
        try {
            timeouts().armWindow(start, end, firesAt);
        } catch (EJBException e) {
            throw new StorageUnavailableException(TimerProblems.windowNotStored(e.getMessage()), e);
        }
    }

    public int pendingTimers() {
        return timeouts().pendingTimers();
    }

    public Set<Long> armedWindows() {
        return timeouts().armedWindows();
    }

    /**
     * Looks the timer bean up, as the application starts: a server without it fails the deployment, not the first
     * wait.
     *
     * @throws IllegalStateException with the problem and its code when it is not bound
     */
    public void requireBean() {
        timeouts();
    }

    private WaitTimeouts timeouts() {
        if (timeouts == null) {
            try {
                timeouts = (WaitTimeouts) new InitialContext().lookup(JNDI_NAME);
            } catch (NamingException e) {
                throw new IllegalStateException(TimerProblems.noTimerBean(JNDI_NAME), e);
            }
        }
        return timeouts;
    }
}
