package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.StepType;
import org.durableworkflow.api.exception.NonDeterminismException;
import org.durableworkflow.impl.store.StepEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an execution stands in its run's journal: hands out sequence numbers and answers each durable call from the
 * journal loaded when the execution began, until the first call that is new.
 */
final class ReplayCursor {

    private final String runId;
    private final Map<Integer, StepEntity> journal;
    private int lastSeq;
    private boolean suspended;

    ReplayCursor(String runId, List<StepEntity> journal) {
        this.runId = runId;
        this.journal = new HashMap<>(journal.size() * 2); // a loop: the stream cost more, on every execution
        for (StepEntity step : journal) {
            if (this.journal.put(step.seq(), step) != null) {
                throw new IllegalStateException("two journal rows at sequence " + step.seq() + " of run " + runId);
            }
        }
    }

    /** The next durable call's sequence number; a run that suspended already makes no further durable call. */
    int nextSeq() {
        if (suspended) {
            throw new SuspendSignal(runId);
        }
        if (lastSeq + 1 == StepEntity.FAILURE_SEQ) { // that sequence is the failure handler's marker
            throw new IllegalStateException(RunProblems.tooManyCalls(runId, StepEntity.FAILURE_SEQ - 1));
        }
        return ++lastSeq;
    }

    /** Makes {@code seq} the last sequence handed out, so that the next durable call gets the one after it. */
    void skipTo(int seq) {
        lastSeq = seq;
    }

    int peekSeq() {
        return lastSeq + 1;
    }

    /** The journal entry at {@code seq}, or {@code null}. */
    StepEntity entryAt(int seq) {
        return journal.get(seq);
    }

    boolean journaled(int seq) {
        return journal.containsKey(seq);
    }

    /** Adds an outcome journaled while the execution ran (a wait's timeout it took). */
    void add(StepEntity outcome) {
        journal.put(outcome.seq(), outcome);
    }

    /**
     * The journaled outcome of durable call {@code seq}, or {@code null} when it has none yet.
     *
     * @throws NonDeterminismException when the journal holds another kind or name of call at {@code seq}
     */
    StepEntity replay(int seq, StepType type, String name) {
        StepEntity entry = journal.get(seq);
        if (entry != null && (entry.type() != type || !entry.name().equals(name))) {
            throw new NonDeterminismException(runId, seq, describe(entry.type(), entry.name()), describe(type, name));
        }
        return entry;
    }

    private static String describe(StepType type, String name) {
        return type + " '" + name + "'";
    }

    /** Marks the run suspended and returns the signal that unwinds the workflow method. */
    SuspendSignal suspend() {
        suspended = true;
        return new SuspendSignal(runId);
    }

    boolean suspended() {
        return suspended;
    }
}
