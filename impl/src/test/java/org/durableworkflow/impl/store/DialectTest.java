package org.durableworkflow.impl.store;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialectTest {

    @Test
    void theProductNamesOfTheJdbcDriversChooseTheDialect() {
        assertEquals(Dialect.DERBY, Dialect.of("Apache Derby"));
        assertEquals(Dialect.H2, Dialect.of("H2"));
        assertEquals(Dialect.POSTGRESQL, Dialect.of("PostgreSQL"));
    }

    @Test
    void onlyDerbyNeedsWordsForAReadWithoutLocks() {
        assertEquals(" WITH UR", Dialect.DERBY.lockFreeRead());
        assertEquals("", Dialect.H2.lockFreeRead());
        assertEquals("", Dialect.POSTGRESQL.lockFreeRead());
    }

    @Test
    void everyDialectHasItsSchemaScriptAndKnowsItsAlreadyExists() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            try (InputStream script = Dialect.class.getResourceAsStream("/META-INF/durable-workflow/" + dialect.script())) {
                assertNotNull(script, dialect.script());
            }
            assertTrue(dialect.alreadyExists("23505"), dialect.name());
        }
        assertTrue(Dialect.H2.alreadyExists("42S01"));
        assertTrue(Dialect.DERBY.alreadyExists("X0Y32"));
    }
}
