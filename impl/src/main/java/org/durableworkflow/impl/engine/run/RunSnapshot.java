package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.StepType;
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

    /**
     * When a notify settled the wait this run resumes from, as journaled (epoch millis); {@code -1} when the run does
     * not resume from a notified wait (its start, a timeout, a recovery of a run between two steps). A timeout
     * taken on reaching the wait is not journaled yet: the last row may be a notified wait before it.
     */
    public long notifiedAt() {
        StepEntity last = journal.isEmpty() || dueTimeout != null ? null : journal.get(journal.size() - 1);
        return last != null && last.type() == StepType.WAIT && last.notified() ? last.createdAt() : -1;
    }
}
