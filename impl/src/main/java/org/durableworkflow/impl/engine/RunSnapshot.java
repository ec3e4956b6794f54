package org.durableworkflow.impl.engine;

import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.StepEntity;

import java.util.List;

/**
 * What an execution needs of a run, read in the transaction that made the run runnable under this server's lease
 * (its start, or the settling of its wait), so that the execution itself does not read it again.
 *
 * @param run     the run as committed by that transaction
 * @param journal its journal, in sequence order
 */
record RunSnapshot(RunEntity run, List<StepEntity> journal) {
}
