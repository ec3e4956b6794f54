package org.durableworkflow.it.app;

/** A step result element, to check that replay restores generic types. */
public record Item(String name, int quantity) {
}
