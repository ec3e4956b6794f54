package org.durableworkflow.impl.timer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PersistenceContext;
import org.durableworkflow.impl.store.JpaContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The persistent EJB timers of wait deadlines, one per window of deadlines ({@link DeadlineWindows}). Creating a
 * timer joins the caller's transaction, so a window's row and its timer are committed together. A timer pending at
 * a crash fires after the restart, or on another server sharing the database. Its name, module and application are
 * part of every stored timer: renaming this class orphans timers already stored (their waiters are still timed out
 * by the recovery sweep). It also declares the library's persistence context reference for the whole module.
 *
 * <p>An EJB, never a CDI bean: the library's JAR is no bean archive (an extension and no beans.xml), so no container
 * knows it as a session bean, and the library reaches it through JNDI ({@link TimerGateway}). {@code @Vetoed} says so
 * to the container: Payara otherwise asks Weld for the session bean of every EJB of a CDI module, finds none for this
 * one, and cannot create it.
 *
 * <p>Its timer service is looked up, not injected: an injected one is a reference of the whole module, which a server
 * without Enterprise Beans (WildFly's {@code standalone-microprofile.xml}) refuses before the library can say why.
 */
@Vetoed
@Singleton
@LocalBean
@PersistenceContext(name = JpaContext.PERSISTENCE_CONTEXT, unitName = "durable-workflow")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WaitTimeouts {

    private TimerService timerService;

    @PostConstruct
    void lookUpTimerService() {
        try {
            timerService = InitialContext.doLookup("java:comp/TimerService");
        } catch (NamingException e) {
            throw new IllegalStateException(TimerProblems.noTimerService(e.getMessage()), e);
        }
    }

    /** Arms the timer of the window of deadlines {@code [start, end)}, firing at {@code firesAt}. */
    public void armWindow(long start, long end, long firesAt) {
        timerService.createSingleActionTimer(new Date(firesAt), new TimerConfig(new long[] {start, end}, true));
    }

    /** The number of timers of this application still pending. */
    public int pendingTimers() {
        return timerService.getTimers().size();
    }

    /** The starts of the windows whose timer is pending. */
    public Set<Long> armedWindows() {
        return timerService.getTimers().stream().map(Timer::getInfo).filter(long[].class::isInstance)
                .map(info -> ((long[]) info)[0]).collect(Collectors.toSet());
    }

    @Timeout
    void fired(Timer timer) {
        Object info = timer.getInfo();
        if (info instanceof long[] window) {
            CDI.current().select(DeadlineWindows.class).get().fired(window[0], window[1]);
        } else if (info instanceof Long waiterId) {
            // a timer of one waiter, armed by a version before the windows
            CDI.current().select(TimeoutHandler.class).get().timeOut(waiterId);
        }
    }
}
