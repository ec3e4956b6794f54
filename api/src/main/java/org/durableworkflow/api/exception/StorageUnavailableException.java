package org.durableworkflow.api.exception;

/** The database could not be reached or refused the write; nothing of the call was stored. Safe to retry. */
public class StorageUnavailableException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
