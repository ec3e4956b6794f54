package org.durableworkflow.impl.engine.run;

import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.StepEntity;

import java.util.List;

/**
 * What an execution needs of a run, read in the transaction that made the run runnable under this server's lease
 * (its start, or the settling of its wait), so that the execution itself does not read it again; or, for a timeout
 * taken when the execution reaches its wait, read before that settling.
 *
 * @param run        the run as committed by that transaction, or as read before the settling
 * @param journal    its journal, in sequence order
 * @param dueTimeout the timeout that makes the run runnable when the execution reaches its wait; {@code null} when
 *                   the run is runnable already
 */
public record RunSnapshot(RunEntity run, List<StepEntity> journal, DueTimeout dueTimeout) {

    public RunSnapshot(RunEntity run, List<StepEntity> journal) {
        this(run, journal, null);
    }
}
