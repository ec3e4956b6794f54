package org.durableworkflow.api.exception;

/**
 * Thrown by a step (or its cause chain's first exception) to say that running it again cannot help: a rejected
 * payment, a validation error. The step's failure is journaled at once, whatever its
 * {@link org.durableworkflow.api.DurableStep#retries() retries}; {@code DurableStep#noRetryFor} says the same of
 * exception classes a step does not own.
 */
public class NonRetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
