/** Exceptions of the library, all under {@link org.durableworkflow.api.exception.WorkflowException}. */
package org.durableworkflow.api.exception;
