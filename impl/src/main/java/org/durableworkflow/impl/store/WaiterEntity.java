package org.durableworkflow.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.durableworkflow.api.StepType;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A run suspended in a wait or a sleep. Its state moves once, from {@code WAITING} to {@code NOTIFIED},
 * {@code TIMED_OUT} or {@code CANCELLED}, by a conditional update: whoever moves it wins, the others change nothing.
 * The id gives the registration order.
 */
@Entity
@Table(name = "DWF_WAITER",
        indexes = {
                @Index(name = "DWF_WAITER_RUN", columnList = "RUN_ID, STATE"),
                @Index(name = "DWF_WAITER_EVENT", columnList = "EVENT_ID, STATE"),
                @Index(name = "DWF_WAITER_DEADLINE", columnList = "STATE, DEADLINE")
        })
public class WaiterEntity {

    public static final String WAITING = "WAITING";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "RUN_ID", length = RunEntity.ID_LENGTH, nullable = false)
    private String runId;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "STEP_NAME", length = 200, nullable = false)
    private String stepName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STEP_TYPE", length = 16, nullable = false)
    private StepType type;

    /** {@code null} for a sleep, which nobody can notify. */
    @Column(name = "EVENT_ID", length = 512)
    private String eventId;

    /** The class the workflow reads the event data as, so that a notify can refuse data it could not read. */
    @Column(name = "EVENT_TYPE", length = 500)
    private String eventType;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "DEADLINE", nullable = false)
    private long deadline;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected WaiterEntity() {
    }

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "ID, RUN_ID, SEQ, STEP_NAME, STEP_TYPE, EVENT_ID, EVENT_TYPE, STATE, DEADLINE,"
            + " CREATED_AT";
    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** A waiter from a row of {@link #COLUMNS}. */
    static WaiterEntity read(ResultSet row) throws SQLException {
        return read(row, 0);
    }

    /** A waiter from a row holding {@link #COLUMNS} after its first {@code before} columns. */
    static WaiterEntity read(ResultSet row, int before) throws SQLException {
        WaiterEntity waiter = new WaiterEntity(row.getString(before + 2), row.getInt(before + 3),
                row.getString(before + 4), StepType.valueOf(row.getString(before + 5)), row.getString(before + 6),
                row.getString(before + 7), row.getLong(before + 9), row.getLong(before + 10));
        waiter.id = row.getLong(before + 1);
        waiter.state = row.getString(before + 8);
        return waiter;
    }

    /** The values of {@link #COLUMNS} after the id, in order, to insert. */
    Object[] values() {
        return new Object[]{runId, seq, stepName, type, eventId, eventType, state, deadline, createdAt};
    }

    void id(long id) {
        this.id = id;
    }

    public WaiterEntity(String runId, int seq, String stepName, StepType type, String eventId, String eventType,
                        long deadline, long createdAt) {
        this.runId = runId;
        this.seq = seq;
        this.stepName = stepName;
        this.type = type;
        this.eventId = eventId;
        this.eventType = eventType;
        this.state = WAITING;
        this.deadline = deadline;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String runId() {
        return runId;
    }

    public int seq() {
        return seq;
    }

    public String stepName() {
        return stepName;
    }

    public StepType type() {
        return type;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String state() {
        return state;
    }

    public long createdAt() {
        return createdAt;
    }

    public long deadline() {
        return deadline;
    }
}
