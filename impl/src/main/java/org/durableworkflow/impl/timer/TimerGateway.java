package org.durableworkflow.impl.timer;

import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Reaches the {@link WaitTimeouts} EJB from CDI beans. */
@ApplicationScoped
public class TimerGateway {

    private static final String JNDI_NAME = "java:module/WaitTimeouts!" + WaitTimeouts.class.getName();

    private volatile WaitTimeouts timeouts;

    public byte[] schedule(long waiterId, long deadlineMillis) {
        return timeouts().schedule(waiterId, deadlineMillis);
    }

    public void cancel(byte[] handle) {
        if (handle != null) {
            timeouts().cancel(handle);
        }
    }

    public int pendingTimers() {
        return timeouts().pendingTimers();
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
