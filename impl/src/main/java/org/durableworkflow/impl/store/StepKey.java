package org.durableworkflow.impl.store;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link StepEntity}. */
public class StepKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String runId;
    private int seq;

    public StepKey() {
    }

    public StepKey(String runId, int seq) {
        this.runId = runId;
        this.seq = seq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepKey k && k.seq == seq && Objects.equals(k.runId, runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, seq);
    }
}
