package org.durableworkflow.impl.engine.run;

import org.durableworkflow.impl.config.WorkflowConfig;

/** How long a run made runnable on this server is held by it before another may claim it. */
public final class Leases {

    private Leases() {
    }

    /** When a lease taken at {@code now} expires, unless renewed: one {@code lease} later. */
    public static long expiryFrom(WorkflowConfig config, long now) {
        return now + config.lease().toMillis();
    }
}
