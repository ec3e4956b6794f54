package org.durableworkflow.peers.dbos;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.txstep.JdbcStepFactory;
import dev.dbos.transact.workflow.Workflow;

import org.durableworkflow.peers.order.Outbox;
import org.durableworkflow.peers.order.Probe;

/**
 * Steps 1 and 4 are DBOS transactional steps: the outbox row and the step's checkpoint commit in one transaction of
 * the application database. The wait is {@code recv} on the run's own workflow id with a timeout.
 */
public class OrderWorkflowImpl implements OrderWorkflow {

    static final String TOPIC = "delivery";

    private final DBOS dbos;
    private final JdbcStepFactory tx;
    private final Probe probe;

    OrderWorkflowImpl(DBOS dbos, JdbcStepFactory tx, Probe probe) {
        this.dbos = dbos;
        this.tx = tx;
        this.probe = probe;
    }

    @Override
    @Workflow(name = "order")
    public String process(int run, long timeoutMillis) throws Exception {
        tx.txStep((Connection c) -> Outbox.write(c, run, "request processing"), "requestProcessing");
        probe.waitBegins(run);
        Optional<String> delivery = dbos.recv(TOPIC, Duration.ofMillis(timeoutMillis));
        if (delivery.isEmpty()) {
            dbos.runStep(() -> probe.timedOut(run), "timedOut");
            return "timed out";
        }
        dbos.runStep(() -> {
            probe.resumed(run);
            return delivery.get().length() + run;
        }, "computeTotal");
        tx.txStep((Connection c) -> Outbox.write(c, run, "confirmation"), "sendConfirmation");
        probe.finished(run);
        return "confirmed";
    }
}
