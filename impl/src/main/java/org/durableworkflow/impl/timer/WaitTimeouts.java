package org.durableworkflow.impl.timer;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerHandle;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PersistenceContext;
import org.durableworkflow.impl.engine.WaiterOutcomes;
import org.durableworkflow.impl.store.RunStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The persistent EJB timers behind wait deadlines. Creating and cancelling a timer joins the caller's transaction,
 * so a waiter and its timer are committed together. A timer pending at a crash fires after the restart, or on
 * another server sharing the database. Its name, module and application are part of every stored timer: renaming
 * this class orphans timers already stored (their waiters are still timed out by the recovery sweep). It also
 * declares the library's persistence context reference for the whole module.
 */
@Singleton
@LocalBean
@PersistenceContext(name = RunStore.PERSISTENCE_CONTEXT, unitName = "durable-workflow")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WaitTimeouts {

    private static final Logger LOG = Logger.getLogger(WaitTimeouts.class.getName());

    @Resource
    TimerService timerService;

    /** Arms the timeout of waiter {@code waiterId} at {@code deadlineMillis}; returns its handle, serialized. */
    public byte[] schedule(long waiterId, long deadlineMillis) {
        Timer timer = timerService.createSingleActionTimer(new Date(deadlineMillis), new TimerConfig(waiterId, true));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(timer.getHandle());
            }
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            // the timer still fires; a fired timer of a settled waiter changes nothing
            LOG.log(Level.FINE, "timer handle not serializable; the timer will fire and find nothing to do", e);
            return null;
        }
    }

    /** Cancels the timer of {@code handle}; a timer already gone is fine. */
    public void cancel(byte[] handle) {
        if (handle == null) {
            return;
        }
        try {
            TimerHandle timerHandle = (TimerHandle) new RuntimeAwareInput(new ByteArrayInputStream(handle)).readObject();
            timerHandle.getTimer().cancel();
        } catch (NoSuchObjectLocalException gone) {
            // fired or cancelled already
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.log(Level.FINE, "timer not cancelled; it will fire and find nothing to do", e);
        }
    }

    /** The number of wait timers of this application still pending. */
    public int pendingTimers() {
        return timerService.getTimers().size();
    }

    @Timeout
    void fired(Timer timer) {
        CDI.current().select(WaiterOutcomes.class).get().timeOut((Long) timer.getInfo());
    }

    /** Reads a handle whose class belongs to the server runtime, not to the application. */
    private final class RuntimeAwareInput extends ObjectInputStream {
        RuntimeAwareInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return super.resolveClass(desc);
            } catch (ClassNotFoundException e) {
                return Class.forName(desc.getName(), false, timerService.getClass().getClassLoader());
            }
        }
    }
}
