package org.durableworkflow.impl.engine.run;

import org.durableworkflow.impl.store.StepEntity;

import java.util.function.Supplier;

/**
 * The timeout of the wait at sequence {@code seq}, which an execution begun before its deadline takes when it reaches
 * that wait ({@link RunExecution#replay}): the run is replayed up to it ahead of the deadline, and only the settling
 * is left for the deadline itself.
 *
 * @param seq    the wait's sequence number in the run
 * @param settle waits until the deadline, then settles the waiter as timed out in the execution's transaction;
 *               answers the wait's journaled outcome, or {@code null} when the waiter was settled already (a notify
 *               came first)
 */
public record DueTimeout(int seq, Supplier<StepEntity> settle) {
}
