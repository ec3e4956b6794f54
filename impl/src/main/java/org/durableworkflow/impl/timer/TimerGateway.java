package org.durableworkflow.impl.timer;

import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Set;

/** Reaches the {@link WaitTimeouts} EJB from CDI beans. */
@ApplicationScoped
public class TimerGateway {

    private static final String JNDI_NAME = "java:module/WaitTimeouts!" + WaitTimeouts.class.getName();

    private volatile WaitTimeouts timeouts;

    public void armWindow(long start, long end, long firesAt) {
        timeouts().armWindow(start, end, firesAt);
    }

    public int pendingTimers() {
        return timeouts().pendingTimers();
    }

    public Set<Long> armedWindows() {
        return timeouts().armedWindows();
    }

    private WaitTimeouts timeouts() {
        if (timeouts == null) {
            try {
                timeouts = (WaitTimeouts) new InitialContext().lookup(JNDI_NAME);
            } catch (NamingException e) {
                throw new IllegalStateException("DWF0504: the timer bean " + JNDI_NAME + " is not available;"
                        + " is the enterpriseBeansPersistentTimer feature enabled?", e);
            }
        }
        return timeouts;
    }
}
