package org.durableworkflow.peers.flowable;

import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.runtime.Execution;

import org.durableworkflow.peers.measure.PeerDatabase;
import org.durableworkflow.peers.order.EventIds;
import org.durableworkflow.peers.order.OrderPeer;
import org.durableworkflow.peers.order.Probe;

/**
 * Flowable's BPMN engine, embedded with its defaults (history level audit, async executor on for the timers) in
 * the database {@code peers_flowable}. A start runs step 1 and reaches the wait in the caller's transaction; a
 * notify runs steps 3 and 4 in the notifier's transaction, as Flowable does for tasks not marked async.
 */
public final class FlowableOrderPeer implements OrderPeer {

    private HikariDataSource pool;
    private ProcessEngine engine;
    private RuntimeService runtime;
    private PeerDatabase db;

    @Override
    public String name() {
        return "flowable";
    }

    @Override
    public String version() {
        return ProcessEngine.VERSION;
    }

    @Override
    public String database() {
        return "peers_flowable";
    }

    @Override
    public void open(PeerDatabase db, Probe probe) {
        this.db = db;
        // The 16 client threads and the async executor's 8 share one pool.
        pool = db.pool("flowable", 24);
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        config.setDataSource(pool);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setAsyncExecutorActivate(true);
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        config.setBeans(OrderSteps.beans(probe));
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("order.bpmn20.xml").deploy();
        runtime = engine.getRuntimeService();
    }

    @Override
    public void start(int run, Duration timeout) {
        runtime.startProcessInstanceByKey("order", EventIds.of(run),
                Map.of("run", run, "eventId", EventIds.of(run), "timeout", timeout.toString()));
    }

    /** Flowable delivers a message to an execution: find the one subscribed to the event, then trigger it. */
    @Override
    public void notify(int run) {
        String eventId = EventIds.of(run);
        Execution waiting = runtime.createExecutionQuery().messageEventSubscriptionName(eventId).singleResult();
        if (waiting == null) throw new IllegalStateException("no run waits for " + eventId);
        runtime.messageEventReceived(eventId, waiting.getId(), Map.of("delivery", "shipped"));
    }

    /** The message subscriptions, as {@code createEventSubscriptionQuery().eventType("message").count()} reads. */
    @Override
    public int waiting() throws Exception {
        return db.count("SELECT count(*) FROM act_ru_event_subscr WHERE event_type_ = 'message'");
    }

    /** The finished process instances, as {@code createHistoricProcessInstanceQuery().finished().count()} reads. */
    @Override
    public int completed() throws Exception {
        return db.count("SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL");
    }

    @Override
    public void close() {
        try {
            if (engine != null) engine.close();
        } catch (FlowableOptimisticLockingException e) {
            // Unlocking a job that still waits for a retry can conflict; the database is dropped next anyway.
            System.out.println("[flowable] close: " + e.getMessage());
        } finally {
            if (pool != null) pool.close();
            engine = null;
            pool = null;
        }
    }
}
