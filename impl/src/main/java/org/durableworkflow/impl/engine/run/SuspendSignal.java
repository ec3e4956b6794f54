package org.durableworkflow.impl.engine.run;

/**
 * Unwinds a workflow method whose run just suspended (its waiter is committed). An {@link Error} so that ordinary
 * {@code catch (Exception e)} in user code lets it through; code that catches it anyway is detected and reported.
 */
public final class SuspendSignal extends Error {

    private static final long serialVersionUID = 1L;

    SuspendSignal(String runId) {
        super("run " + runId + " suspended; workflow code must not catch this", null, false, false);
    }
}
