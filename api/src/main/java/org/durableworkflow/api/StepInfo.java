package org.durableworkflow.api;

/**
 * One journaled durable call of a run.
 *
 * @param sequence  its position in the run, from 1
 * @param name      the step's name
 * @param type      what kind of durable call it was
 * @param outcome   {@code "COMPLETED"}, {@code "FAILED"}, {@code "NOTIFIED"} or {@code "TIMED_OUT"}
 * @param result    the journaled result as JSON text (or the raw event text), {@code null} for none
 * @param timedOut  for a wait: whether it timed out
 * @param error     for a failed step: the error, otherwise {@code null}
 * @param createdAt when it was journaled, epoch millis
 */
public record StepInfo(int sequence, String name, StepType type, String outcome, String result,
                       boolean timedOut, String error, long createdAt) {
}
