package org.durableworkflow.impl.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The library's JPA persistence context, for the statements that go through JPA: the sweeps' and the listings'. */
public final class JpaContext {

    /**
     * Declared on the {@code WaitTimeouts} EJB, which the container scans for resource references even in a library
     * JAR; a web module shares one {@code java:comp} namespace, so every bean of the library can look it up.
     */
    public static final String PERSISTENCE_CONTEXT = "durable-workflow/entity-manager";
    public static final String ENTITY_MANAGER = "java:comp/env/" + PERSISTENCE_CONTEXT;

    /** Whether the server's JPA provider is EclipseLink (Liberty, Payara), known at the first look-up. */
    private static volatile boolean eclipseLink = true;

    private JpaContext() {
    }

    /** The library's container-managed persistence context, whose reads fail fast when the database is away. */
    static EntityManager lookUpEntityManager() {
        try {
            EntityManager em = (EntityManager) new InitialContext().lookup(ENTITY_MANAGER);
            eclipseLink = FailFastReads.apply(em);
            return em;
        } catch (NamingException e) {
            throw new IllegalStateException(StoreProblems.noPersistenceContext(ENTITY_MANAGER), e);
        }
    }

    /**
     * Outside a transaction, Liberty may keep one EclipseLink persistence context for a whole request or task; reads
     * must see what other threads committed since, so every query re-reads its rows. Hibernate (WildFly) gives each
     * such query a new persistence context, and logs hints it does not know: it gets none.
     */
    static <T> TypedQuery<T> fresh(TypedQuery<T> query) {
        return eclipseLink ? query.setHint("eclipselink.refresh", "true") : query;
    }
}
