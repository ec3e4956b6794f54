package org.durableworkflow.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.durableworkflow.api.exception.StorageUnavailableException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * JTA transaction boundaries without an EJB: the library's work joins the caller's transaction when there is one
 * and begins its own otherwise. Actions that must follow a commit (resuming a run) are registered here.
 */
@ApplicationScoped
public class Transactions {

    /** How many times {@link #requiredRetryingConflicts} runs work the database rolled back for a conflict. */
    public static final int ATTEMPTS = 3;

    private volatile UserTransaction userTransaction;
    private volatile TransactionSynchronizationRegistry registry;

    /** Whether the current thread has an active JTA transaction. */
    public boolean active() {
        return registry().getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    /** Runs {@code work} in the current transaction, or in a new one when there is none. */
    public <T> T required(Supplier<T> work) {
        if (active()) {
            return work.get();
        }
        try {
            return requiresNew(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #required}; when it began the transaction itself and the database rolled it back for a conflict
     * with another transaction ({@link Conflicts}), runs {@code work} again in a new one, {@value #ATTEMPTS} times
     * in all. {@code work} must change nothing outside the transaction before it commits.
     */
    public <T> T requiredRetryingConflicts(Supplier<T> work) {
        if (active()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return required(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !Conflicts.isConflict(e)) {
                    throw e;
                }
                Conflicts.pauseBefore(attempt);
            }
        }
    }

    /**
     * Runs {@code work} in a new transaction that commits when it returns and rolls back when it throws; the
     * exception it threw propagates unchanged.
     *
     * @throws StorageUnavailableException when the transaction cannot begin or commit
     */
    public <T> T requiresNew(Callable<T> work) throws Exception {
        begin();
        return commitAfter(work);
    }

    /**
     * Runs {@code work} in a new transaction that stays open on this thread when it returns, for the caller to end
     * with {@link #commitAfter} or {@link #rollbackAny}; it rolls back when {@code work} throws.
     */
    public <T> T beginWith(Callable<T> work) throws Exception {
        begin();
        return call(work);
    }

    private void begin() {
        try {
            userTransaction().begin();
        } catch (Exception e) {
            throw new StorageUnavailableException(StoreProblems.cannotBegin(e.getMessage()), e);
        }
    }

    /**
     * Runs {@code work} in the transaction open on this thread and commits it; rolls it back when {@code work}
     * throws.
     *
     * @throws StorageUnavailableException when the transaction cannot commit
     */
    public <T> T commitAfter(Callable<T> work) throws Exception {
        T result = call(work);
        commit();
        return result;
    }

    /**
     * Commits the transaction open on this thread.
     *
     * @throws StorageUnavailableException when it cannot commit
     */
    public void commit() {
        try {
            userTransaction().commit();
        } catch (Exception e) {
            throw new StorageUnavailableException(StoreProblems.cannotCommit(e.getMessage()), e);
        }
    }

    /** Rolls back the transaction associated with this thread, if there is one. */
    public void rollbackAny() {
        if (registry().getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            rollbackQuietly(userTransaction());
        }
    }

    private <T> T call(Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (PersistenceException e) {
            rollbackQuietly(userTransaction());
            throw new StorageUnavailableException(StoreProblems.workRefused(e.getMessage()), e);
        } catch (Exception | Error e) {
            rollbackQuietly(userTransaction());
            throw e;
        }
    }

    /** Runs {@code action} after the current transaction commits (never after a rollback); now when none is active. */
    public void afterCommit(Runnable action) {
        if (!active()) {
            action.run();
            return;
        }
        afterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        });
    }

    /**
     * The resource kept under {@code key} for this thread's transaction: made by {@code open} at its first use,
     * handed to {@code close} when the transaction ends; {@code null} when the thread has no transaction to keep it
     * in (none, or one that is ending).
     */
    <T> T perTransaction(Object key, Callable<T> open, Consumer<T> close) throws Exception {
        int status = registry().getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T kept = (T) registry().getResource(key);
        if (kept == null) {
            T opened = open.call();
            registry().putResource(key, opened);
            afterCompletion(ignoredStatus -> close.accept(opened));
            kept = opened;
        }
        return kept;
    }

    private void afterCompletion(IntConsumer action) {
        registry().registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        });
    }

    private static void rollbackQuietly(UserTransaction tx) {
        try {
            tx.rollback();
        } catch (Exception ignored) {
            // the original failure is what matters
        }
    }

    private UserTransaction userTransaction() {
        if (userTransaction == null) {
            userTransaction = lookup(ContainerParts.USER_TRANSACTION);
        }
        return userTransaction;
    }

    private TransactionSynchronizationRegistry registry() {
        if (registry == null) {
            registry = lookup(ContainerParts.SYNCHRONIZATION_REGISTRY);
        }
        return registry;
    }

    /** The object bound to {@code name} in JNDI; one the server must provide. */
    @SuppressWarnings("unchecked")
    public static <T> T lookup(String name) {
        try {
            return (T) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(StoreProblems.notInJndi(name, e.getMessage()), e);
        }
    }
}
