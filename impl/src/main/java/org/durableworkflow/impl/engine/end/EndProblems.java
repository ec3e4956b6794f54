package org.durableworkflow.impl.engine.end;

/** The catalogue of the messages of ending a run, each with its code. */
final class EndProblems {

    private EndProblems() {
    }

    /** The log pattern of a run that failed: {@code {0}} its id, {@code {1}} the error. */
    static String runFailed() {
        return "DWF0602: run {0} failed: {1}";
    }
}
