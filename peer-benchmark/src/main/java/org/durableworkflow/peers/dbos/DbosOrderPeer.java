package org.durableworkflow.peers.dbos;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.txstep.JdbcStepFactory;

import org.durableworkflow.peers.measure.PeerDatabase;
import org.durableworkflow.peers.order.EventIds;
import org.durableworkflow.peers.order.OrderPeer;
import org.durableworkflow.peers.order.Probe;

/**
 * DBOS Transact, embedded. Its system tables (schema {@code dbos}) and the outbox share the database
 * {@code peers_dbos}. A DBOS message goes to a workflow id, not to a free event id, so run n has the workflow id
 * {@code order-<n>} and the event is that id's topic {@code delivery}.
 */
public final class DbosOrderPeer implements OrderPeer {

    private DBOS dbos;
    private HikariDataSource app;
    private PeerDatabase db;
    private OrderWorkflow workflow;

    @Override
    public String name() {
        return "dbos";
    }

    @Override
    public String version() {
        return DBOS.version();
    }

    @Override
    public String database() {
        return "peers_dbos";
    }

    @Override
    public void open(PeerDatabase db, Probe probe) {
        this.db = db;
        DBOSConfig config = DBOSConfig.defaults("peers")
                .withDatabaseUrl(db.url())
                .withDbUser(PeerDatabase.USER)
                .withDbPassword(PeerDatabase.PASSWORD)
                .withAdminServer(false);
        dbos = new DBOS(config);
        app = db.pool("dbos-app", 16);
        JdbcStepFactory tx = new JdbcStepFactory(dbos, app);
        workflow = dbos.registerProxy(OrderWorkflow.class, new OrderWorkflowImpl(dbos, tx, probe));
        dbos.launch();
    }

    @Override
    public void start(int run, Duration timeout) {
        dbos.startWorkflow(() -> workflow.process(run, timeout.toMillis()),
                new StartWorkflowOptions(EventIds.of(run)));
    }

    @Override
    public void notify(int run) {
        dbos.send(EventIds.of(run), "shipped", OrderWorkflowImpl.TOPIC);
    }

    /** A run blocked in recv has checkpointed the recv's deadline (a DBOS.sleep step) and not yet the recv. */
    @Override
    public int waiting() throws Exception {
        return db.count("SELECT count(*) FROM dbos.operation_outputs s WHERE s.function_name = 'DBOS.sleep'"
                + " AND NOT EXISTS (SELECT 1 FROM dbos.operation_outputs r"
                + " WHERE r.workflow_uuid = s.workflow_uuid AND r.function_name = 'DBOS.recv')");
    }

    @Override
    public int completed() throws Exception {
        return db.count("SELECT count(*) FROM dbos.workflow_status WHERE status = 'SUCCESS'");
    }

    @Override
    public void close() {
        if (dbos != null) dbos.close();
        if (app != null) app.close();
        dbos = null;
        app = null;
    }
}
