package org.durableworkflow.impl.engine.run;

/** The run executing on the current thread, if any. */
public final class CurrentRun {

    private static final ThreadLocal<RunExecution> CURRENT = new ThreadLocal<>();

    private CurrentRun() {
    }

    /** The current execution, or {@code null} outside a run. */
    public static RunExecution get() {
        return CURRENT.get();
    }

    /** The current execution; fails outside a run. */
    public static RunExecution require(String operation) {
        RunExecution execution = CURRENT.get();
        if (execution == null) {
            throw new IllegalStateException(RunProblems.notInRun(operation));
        }
        return execution;
    }

    public static void set(RunExecution execution) {
        CURRENT.set(execution);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
