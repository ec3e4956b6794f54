package org.durableworkflow.api.exception;

/**
 * An argument was refused before anything was stored: a blank or too long id, an unreadable duration, data over the
 * size limit, malformed JSON.
 */
public class InvalidInputException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
