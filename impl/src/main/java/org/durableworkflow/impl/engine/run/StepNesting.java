package org.durableworkflow.impl.engine.run;

/** Which step an execution is in: a step called from inside another step is part of the outer one. */
final class StepNesting {

    private int depth;
    private int outerSeq;

    boolean inStep() {
        return depth > 0;
    }

    /** The sequence number of the outermost step running now; {@code 0} outside steps. */
    int currentStepSeq() {
        return depth > 0 ? outerSeq : 0;
    }

    void enter(int seq) {
        if (depth++ == 0) {
            outerSeq = seq;
        }
    }

    void exit() {
        depth--;
    }
}
