package org.durableworkflow.impl.store;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Jakarta EE server the library looks up by their standard JNDI names, and a check that the server
 * binds all of them. Only look-ups: nothing reaches the database, so a database that is down fails no check.
 */
public final class ContainerParts {

    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";
    public static final String USER_TRANSACTION = "java:comp/UserTransaction";
    public static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    public static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    public static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private ContainerParts() {
    }

    /** The problem of each of these parts (and the library's persistence context) the server does not bind. */
    public static List<String> missing() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of(DATA_SOURCE, USER_TRANSACTION, SYNCHRONIZATION_REGISTRY, SCHEDULER,
                CONTEXT_SERVICE)) {
            try {
                Transactions.lookup(name);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage()); // DWF0503, as every other look-up of these names says it
            }
        }
        try {
            new InitialContext().lookup(JpaContext.ENTITY_MANAGER);
        } catch (NamingException e) {
            problems.add(StoreProblems.noPersistenceContext(JpaContext.ENTITY_MANAGER));
        }
        return problems;
    }
}
