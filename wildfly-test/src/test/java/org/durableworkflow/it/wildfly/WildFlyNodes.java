package org.durableworkflow.it.wildfly;

/** The WildFly nodes of this module's tests: their names, port offsets and management ports. */
final class WildFlyNodes {

    private WildFlyNodes() {
    }

    /** HTTP 10080 by default. */
    static WildFlyServer first() {
        return new WildFlyServer();
    }

    /** HTTP 10180 by default. */
    static WildFlyServer second() {
        return new WildFlyServer("wfNodeB", Integer.getInteger("wildfly.node.b.offset", 2100),
                Integer.getInteger("wildfly.node.b.management.port", 11890));
    }
}
