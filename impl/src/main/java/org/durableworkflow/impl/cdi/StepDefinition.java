package org.durableworkflow.impl.cdi;

import java.lang.reflect.Type;

/**
 * A {@code @DurableStep} method's journal metadata, computed once per method.
 *
 * @param name          the step's name in the journal
 * @param resultType    the method's generic return type, to read the journaled result back with
 * @param transactional whether it may share a transaction with the transactional steps next to it
 */
public record StepDefinition(String name, Type resultType, boolean transactional) {
}
