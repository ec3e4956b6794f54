package org.durableworkflow.peers.flowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

import org.durableworkflow.peers.order.Outbox;
import org.durableworkflow.peers.order.Probe;

/** The service tasks of the order process, as beans named in the BPMN's delegate expressions. */
final class OrderSteps {

    private OrderSteps() {
    }

    static Map<Object, Object> beans(Probe probe) {
        return Map.of(
                "requestProcessing", (JavaDelegate) e -> {
                    writeOutbox(e, "request processing");
                    probe.waitBegins(run(e));
                },
                "computeTotal", (JavaDelegate) e -> {
                    probe.resumed(run(e));
                    e.setTransientVariable("total", run(e) + 1);
                },
                "sendConfirmation", (JavaDelegate) e -> {
                    writeOutbox(e, "confirmation");
                    probe.finished(run(e));
                },
                "timedOut", (JavaDelegate) e -> probe.timedOut(run(e)));
    }

    private static int run(DelegateExecution e) {
        return (Integer) e.getVariable("run");
    }

    /** On the connection of the engine's current transaction, so the outbox row commits with the process state. */
    private static void writeOutbox(DelegateExecution e, String step) {
        Connection c = Context.getCommandContext().getSession(DbSqlSession.class).getSqlSession().getConnection();
        try {
            Outbox.write(c, run(e), step);
        } catch (SQLException ex) {
            throw new FlowableException("outbox insert failed", ex);
        }
    }
}
