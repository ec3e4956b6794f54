package org.durableworkflow.impl.ops.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.durableworkflow.impl.config.WorkflowConfig;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.ContainerParts;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.time.Repeating;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses, once at start, what records the engine's {@link WorkflowMetrics}: MicroProfile Metrics when the
 * application has its registry, else OpenTelemetry when it has an {@code OpenTelemetry} bean (MicroProfile
 * Telemetry), else nothing; nothing either with {@code metrics.enabled=false}. The APIs are looked up by name, and
 * the beans and adapters that name one are registered and loaded only when it is there ({@code cdi.OptionalBeans}), so
 * that the library deploys unchanged without them. While metrics are recorded, refreshes the gauges'
 * {@link RunCounts}.
 */
@ApplicationScoped
public class MetricsSelection {

    static final String MICROPROFILE_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";
    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    private static final Logger LOG = Logger.getLogger(MetricsSelection.class.getName());

    @Inject
    WorkflowConfig config;
    @Inject
    BeanManager beanManager;
    @Inject
    RunStore runs;

    private final RunCounts counts = new RunCounts();
    private WorkflowMetrics chosen;
    private volatile Repeating refreshing;

    /** What the engine records into. */
    @Produces
    @Singleton
    WorkflowMetrics metrics() {
        return chosen();
    }

    private synchronized WorkflowMetrics chosen() {
        if (chosen == null) {
            chosen = choose();
        }
        return chosen;
    }

    private WorkflowMetrics choose() {
        if (!config.metricsEnabled()) {
            return WorkflowMetrics.NONE;
        }
        if (apiPresent(MICROPROFILE_REGISTRY)) {
            Instance<MicroProfileRegistry> registry = beanManager.createInstance().select(MicroProfileRegistry.class);
            if (registry.isResolvable()) {
                LOG.info(MetricsMessages.recordingThrough("MicroProfile Metrics"));
                return MicroProfileMetrics.create(registry.get().registry(), counts);
            }
        }
        if (apiPresent(OPEN_TELEMETRY)) {
            Instance<OpenTelemetryBean> openTelemetry = beanManager.createInstance().select(OpenTelemetryBean.class);
            if (openTelemetry.isResolvable()) {
                LOG.info(MetricsMessages.recordingThrough("OpenTelemetry"));
                return OpenTelemetryMetrics.create(openTelemetry.get().openTelemetry(), counts);
            }
        }
        return WorkflowMetrics.NONE;
    }

    private static boolean apiPresent(String className) {
        try {
            Class.forName(className, false, MetricsSelection.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (chosen() == WorkflowMetrics.NONE) {
            return;
        }
        try {
            ManagedScheduledExecutorService scheduler = Transactions.lookup(ContainerParts.SCHEDULER);
            refreshing = Repeating.start(scheduler, this::refreshCounts, 1, RunCounts.REFRESH_SECONDS,
                    TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            LOG.warning(MetricsMessages.countsNotRefreshed(e.getMessage()));
        }
    }

    private void refreshCounts() {
        try {
            counts.refresh(runs);
        } catch (RuntimeException e) {
            // the database is away: the gauges keep the last counts, and the next refresh tries again
            LOG.log(Level.FINE, MetricsMessages.countsNotRefreshed(e.getMessage()), e);
        }
    }

    @PreDestroy
    void stop() {
        if (refreshing != null) {
            refreshing.cancel();
        }
        if (chosen instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "metrics not closed", e);
            }
        }
    }
}
