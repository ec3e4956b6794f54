package org.durableworkflow.it.app;

/** Event data read as a record. */
public record Payload(String value) {
}
