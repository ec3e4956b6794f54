package org.durableworkflow.impl.store;

import jakarta.persistence.EntityManager;

import java.util.logging.Logger;

/**
 * Turns off EclipseLink's silent retry of reads that met a lost connection (Liberty, Payara); Hibernate (WildFly) has no
 * such retry, so there is nothing to turn off. By default it retries three times with
 * 5-second pauses, so a REST caller waited 10 seconds for an error while the database was down; now the caller gets
 * its 503 at once and the recovery sweep retries on its own schedule. Reflection, because Liberty hides the
 * provider's classes from applications unless each application is configured to see them.
 */
final class FailFastReads {

    private static final Logger LOG = Logger.getLogger(FailFastReads.class.getName());

    private FailFastReads() {
    }

    /** Applies to {@code em}'s provider; returns whether that is EclipseLink. */
    static boolean apply(EntityManager em) {
        Object provider;
        try {
            provider = em.getDelegate();
        } catch (RuntimeException e) {
            LOG.warning(StoreProblems.readRetriesStayOn(e));
            return true; // as before: the refresh hint is EclipseLink's, and other providers ignore it
        }
        if (!provider.getClass().getName().startsWith("org.eclipse.persistence.")) {
            return false;
        }
        try {
            Object session = provider.getClass().getMethod("getServerSession").invoke(provider);
            Object login = session.getClass().getMethod("getLogin").invoke(session);
            login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another EclipseLink: reads may then wait for its retries; nothing else changes
            LOG.warning(StoreProblems.readRetriesStayOn(e));
        }
        return true;
    }
}
