package org.durableworkflow.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.config.ColumnWidths;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A workflow run: its input, status, output and lease. Times are epoch millis (JPA 3.1 has no Instant). */
@Entity
@Table(name = "DWF_RUN", indexes = {
        @Index(name = "DWF_RUN_STATUS_LEASE", columnList = "STATUS, LEASE_EXPIRY"),
        @Index(name = "DWF_RUN_OWNER", columnList = "LEASE_OWNER")
})
public class RunEntity {

    /** The longest run id the tables hold ({@link ColumnWidths#RUN_ID}); no run has a longer one. */
    public static final int ID_LENGTH = ColumnWidths.RUN_ID;
    /** The longest workflow name the tables hold. */
    public static final int NAME_LENGTH = ColumnWidths.WORKFLOW_NAME;
    /** The longest lease owner (server id) the tables hold. */
    public static final int OWNER_LENGTH = ColumnWidths.LEASE_OWNER;

    @Id
    @Column(name = "RUN_ID", length = ID_LENGTH)
    private String runId;

    @Column(name = "WORKFLOW_NAME", length = NAME_LENGTH, nullable = false)
    private String workflowName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private RunStatus status;

    @Lob
    @Column(name = "INPUT_JSON")
    private String input;

    @Lob
    @Column(name = "OUTPUT_JSON")
    private String output;

    @Column(name = "ERROR_TEXT", length = 2000)
    private String error;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "LEASE_OWNER", length = OWNER_LENGTH)
    private String leaseOwner;

    @Column(name = "LEASE_EXPIRY", nullable = false)
    private long leaseExpiry;

    /** The traceparent of the request that last made the run runnable, for its execution's span to link to. */
    @Column(name = "TRACE_PARENT", length = ColumnWidths.TRACE_PARENT)
    private String traceParent;

    protected RunEntity() {
    }

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "RUN_ID, WORKFLOW_NAME, STATUS, INPUT_JSON, OUTPUT_JSON, ERROR_TEXT, CREATED_AT,"
            + " UPDATED_AT, LEASE_OWNER, LEASE_EXPIRY, TRACE_PARENT";

    /** A run from a row of {@link #COLUMNS}. */
    static RunEntity read(ResultSet row) throws SQLException {
        return read(row, 0);
    }

    /** A run from {@link #COLUMNS} in a row, after its first {@code before} columns. */
    static RunEntity read(ResultSet row, int before) throws SQLException {
        RunEntity run = new RunEntity();
        run.runId = row.getString(before + 1);
        run.workflowName = row.getString(before + 2);
        run.status = RunStatus.valueOf(row.getString(before + 3));
        run.input = row.getString(before + 4);
        run.output = row.getString(before + 5);
        run.error = row.getString(before + 6);
        run.createdAt = row.getLong(before + 7);
        run.updatedAt = row.getLong(before + 8);
        run.leaseOwner = row.getString(before + 9);
        run.leaseExpiry = row.getLong(before + 10);
        run.traceParent = row.getString(before + 11);
        return run;
    }

    public RunEntity(String runId, String workflowName, String input, long now, String leaseOwner, long leaseExpiry,
                     String traceParent) {
        this.runId = runId;
        this.workflowName = workflowName;
        this.status = RunStatus.RUNNING;
        this.input = input;
        this.createdAt = now;
        this.updatedAt = now;
        this.leaseOwner = leaseOwner;
        this.leaseExpiry = leaseExpiry;
        this.traceParent = traceParent;
    }

    public String runId() {
        return runId;
    }

    public String workflowName() {
        return workflowName;
    }

    public RunStatus status() {
        return status;
    }

    public String input() {
        return input;
    }

    public String output() {
        return output;
    }

    public String error() {
        return error;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public long leaseExpiry() {
        return leaseExpiry;
    }

    public String traceParent() {
        return traceParent;
    }
}
