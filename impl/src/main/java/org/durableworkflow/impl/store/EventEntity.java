package org.durableworkflow.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A notify kept because nobody waited for its event id yet: for one run (a lookback notify) or for any run (within
 * the retention window). The first wait for the id that registers before it expires takes it, and it is deleted.
 * The id gives the order in which kept events are taken.
 */
@Entity
@Table(name = "DWF_EVENT")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "EVENT_ID", length = 512, nullable = false)
    private String eventId;

    /** The run it is kept for; {@code null}: the first run to wait for the id. */
    @Column(name = "RUN_ID", length = RunEntity.ID_LENGTH)
    private String runId;

    /** The event data as the notify carried it; {@code null} for a notify without data. */
    @Lob
    @Column(name = "EVENT_DATA")
    private String data;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected EventEntity() {
    }

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "ID, EVENT_ID, RUN_ID, EVENT_DATA, CREATED_AT, EXPIRES_AT";

    /** A kept event from a row of {@link #COLUMNS}. */
    static EventEntity read(ResultSet row) throws SQLException {
        EventEntity event = new EventEntity(row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getLong(6));
        event.id = row.getLong(1);
        return event;
    }

    /** The values of {@link #COLUMNS} after the id, in order, to insert. */
    Object[] values() {
        return new Object[]{eventId, runId, Sql.text(data), createdAt, expiresAt};
    }

    void id(long id) {
        this.id = id;
    }

    public EventEntity(String eventId, String runId, String data, long createdAt, long expiresAt) {
        this.eventId = eventId;
        this.runId = runId;
        this.data = data;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String runId() {
        return runId;
    }

    public String data() {
        return data;
    }

    public long createdAt() {
        return createdAt;
    }

    public long expiresAt() {
        return expiresAt;
    }
}
