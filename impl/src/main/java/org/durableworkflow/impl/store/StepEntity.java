package org.durableworkflow.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.durableworkflow.api.StepInfo;
import org.durableworkflow.api.StepType;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One journaled durable call, keyed by (run, sequence): replay reads it instead of acting again. */
@Entity
@IdClass(StepKey.class)
@Table(name = "DWF_STEP")
public class StepEntity {

    public static final String COMPLETED = "COMPLETED";
    /**
     * The sequence of the marker journaled when a run fails and its failure handler runs; the handler's durable calls
     * follow it. Above any workflow's own sequences, so that the workflow's journal is left as it was.
     */
    public static final int FAILURE_SEQ = 1_000_000;
    public static final String FAILED = "FAILED";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String TIMED_OUT = "TIMED_OUT";

    /** The journaled outcome of a wait or a sleep whose waiter was settled as {@code waiterState}. */
    public static String outcomeOf(String waiterState, StepType type) {
        return type == StepType.SLEEP && WaiterEntity.TIMED_OUT.equals(waiterState) ? COMPLETED : waiterState;
    }

    /** The journal row of the wait or sleep of {@code waiter}, settled as {@code waiterState} at {@code now}. */
    public static StepEntity settled(WaiterEntity waiter, String waiterState, String resultText, long now) {
        return new StepEntity(waiter.runId(), waiter.seq(), waiter.stepName(), waiter.type(),
                outcomeOf(waiterState, waiter.type()), resultText, null, now);
    }

    @Id
    @Column(name = "RUN_ID", length = RunEntity.ID_LENGTH)
    private String runId;

    @Id
    @Column(name = "SEQ")
    private int seq;

    @Column(name = "STEP_NAME", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "STEP_TYPE", length = 16, nullable = false)
    private StepType type;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Lob
    @Column(name = "RESULT_TEXT")
    private String result;

    @Column(name = "ERROR_TEXT", length = 2000)
    private String error;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected StepEntity() {
    }

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "RUN_ID, SEQ, STEP_NAME, STEP_TYPE, OUTCOME, RESULT_TEXT, ERROR_TEXT, CREATED_AT";

    /** A journal entry from a row of {@link #COLUMNS}. */
    static StepEntity read(ResultSet row) throws SQLException {
        return new StepEntity(row.getString(1), row.getInt(2), row.getString(3), StepType.valueOf(row.getString(4)),
                row.getString(5), row.getString(6), row.getString(7), row.getLong(8));
    }

    /** The values of {@link #COLUMNS}, in order, to insert. */
    Object[] values() {
        return new Object[]{runId, seq, name, type, outcome, Sql.text(result), error, createdAt};
    }

    public StepEntity(String runId, int seq, String name, StepType type, String outcome, String result,
                      String error, long createdAt) {
        this.runId = runId;
        this.seq = seq;
        this.name = name;
        this.type = type;
        this.outcome = outcome;
        this.result = result;
        this.error = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        this.createdAt = createdAt;
    }

    public String runId() {
        return runId;
    }

    public int seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public StepType type() {
        return type;
    }

    public String result() {
        return result;
    }

    public String error() {
        return error;
    }

    public boolean failed() {
        return FAILED.equals(outcome);
    }

    public boolean timedOut() {
        return TIMED_OUT.equals(outcome);
    }

    /** Whether this is a wait a notify settled. */
    public boolean notified() {
        return NOTIFIED.equals(outcome);
    }

    /** When this outcome was journaled (epoch millis). */
    public long createdAt() {
        return createdAt;
    }

    /** The public view of this entry. */
    public StepInfo toInfo() {
        return new StepInfo(seq, name, type, outcome, result, timedOut(), error, createdAt);
    }
}
