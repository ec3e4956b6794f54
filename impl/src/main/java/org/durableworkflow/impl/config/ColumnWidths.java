package org.durableworkflow.impl.config;

/**
 * The widths of the tables' text columns, as the schema scripts create them: limits in the configuration may not
 * exceed them, and the entities declare them.
 */
public final class ColumnWidths {

    /** The longest run id the tables hold (every RUN_ID column of the schema scripts); no run has a longer one. */
    public static final int RUN_ID = 512;
    /** The longest workflow name the tables hold. */
    public static final int WORKFLOW_NAME = 200;
    /** The longest lease owner (server id) the tables hold. */
    public static final int LEASE_OWNER = 200;
    /** A W3C traceparent of version 00, which a run keeps of the request that made it runnable. */
    public static final int TRACE_PARENT = 55;

    private ColumnWidths() {
    }
}
