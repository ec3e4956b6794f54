package org.durableworkflow.impl.store;

/** The catalogue of the store's messages: transactions, SQL, JNDI look-ups and the schema; each with its code. */
final class StoreProblems {

    private StoreProblems() {
    }

    /** No transaction could begin. */
    static String cannotBegin(String cause) {
        return "DWF0500: could not begin a transaction: " + cause;
    }

    /** The database refused the work of a transaction. */
    static String workRefused(String cause) {
        return "DWF0501: the database refused the work: " + cause;
    }

    /** The transaction could not commit. */
    static String cannotCommit(String cause) {
        return "DWF0502: the transaction could not commit: " + cause;
    }

    /** A JNDI name the server must provide is not bound. */
    static String notInJndi(String name, String cause) {
        return "DWF0503: " + name + " is not available: " + cause;
    }

    /** The library's persistence context is not bound in JNDI. */
    static String noPersistenceContext(String jndiName) {
        return "DWF0506: the library's persistence context " + jndiName
                + " is not available: the server has no Jakarta Persistence (Open Liberty: feature persistence-3.1;"
                + " WildFly: subsystem jpa)";
    }

    /** A SQL statement failed with a checked exception. */
    static String sqlFailed(String cause, String sql) {
        return "DWF0507: " + cause + " (SQL: " + sql + ")";
    }

    /** The log line of the tables created or found on a database product. */
    static String tablesReady(String product) {
        return "DWF0705: the workflow tables are ready on " + product;
    }

    /** The log line of a JPA provider whose read retries could not be turned off. */
    static String readRetriesStayOn(Exception cause) {
        return "DWF0708: could not turn off the JPA provider's read retries: " + cause;
    }
}
