package org.durableworkflow.impl.store;

import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases the library runs on, chosen once at start from the JDBC product name of the
 * default data source: Derby (Liberty's embedded default), H2 (WildFly's and Payara's embedded default) and PostgreSQL
 * (the shared database of a cluster). Derby and H2 are embedded, one server each: ids counted in memory, no row
 * claims between servers, no {@code RETURNING}.
 */
public enum Dialect {

    DERBY("embedded.sql", " WITH UR", Types.CLOB, List.of("X0Y32")),
    H2("embedded.sql", "", Types.CLOB, List.of("42S01", "42S11", "42S21")),
    POSTGRESQL("postgresql.sql", "", Types.VARCHAR, List.of("42P07", "42701"));

    /** The script of the tables, one for the embedded databases (Derby's SQL, which H2 takes too). */
    private final String script;
    private final String lockFreeRead;
    private final int nullTextType;
    private final List<String> alreadyExists;

    Dialect(String script, String lockFreeRead, int nullTextType, List<String> alreadyExists) {
        this.script = script;
        this.lockFreeRead = lockFreeRead;
        this.nullTextType = nullTextType;
        this.alreadyExists = alreadyExists;
    }

    /** The dialect of a database product, by {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Dialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return name.contains("h2") ? H2 : DERBY;
    }

    /** The schema script under {@code META-INF/durable-workflow}. */
    String script() {
        return script;
    }

    /**
     * What makes a SELECT read without taking locks, appended to it: Derby's {@code WITH UR}; nothing where reads
     * take no locks anyway (PostgreSQL's and H2's multi-version reads).
     */
    public String lockFreeRead() {
        return lockFreeRead;
    }

    /** The JDBC type a null of a large text column is bound as (CLOB on the embedded ones, TEXT on PostgreSQL). */
    int nullTextType() {
        return nullTextType;
    }

    /** Whether {@code sqlState} says a table, index or column is there already: another server created it at that moment. */
    boolean alreadyExists(String sqlState) {
        return alreadyExists.contains(sqlState) || "23505".equals(sqlState);
    }
}
