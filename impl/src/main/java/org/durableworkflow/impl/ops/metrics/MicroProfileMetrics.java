package org.durableworkflow.impl.ops.metrics;

import org.durableworkflow.api.RunStatus;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.durableworkflow.impl.ops.metrics.MetricNames.*;

/**
 * Records into MicroProfile Metrics 5.1's application registry (Liberty's {@code mpMetrics-5.1}, Payara 6). Every
 * series is registered once, at start or at its label value's first use ({@link LabelCache}); recording is then a
 * map read and the metric's own update. Loaded only when the API is present ({@link MetricsSelection}).
 */
final class MicroProfileMetrics implements WorkflowMetrics, AutoCloseable {

    /** The series of one workflow. */
    private record OfWorkflow(Counter started, Map<RunStatus, Counter> ended, Timer resumed) {
    }

    /** The series of one step of one workflow. */
    private record OfStep(Timer duration, Counter retries) {
    }

    private final MetricRegistry registry;
    private final LabelCache<OfWorkflow> workflows;
    private final LabelCache<LabelCache<OfStep>> steps;
    private final Map<NotifyOutcome, Counter> notifies = new EnumMap<>(NotifyOutcome.class);
    private final Counter timeouts;
    private final Timer lateness;
    private final Counter claims;
    private final Counter unavailable;

    /** Typed {@code Object}, so that only this class names the API: the caller checked it is deployed. */
    static WorkflowMetrics create(Object registry, RunCounts counts) {
        return new MicroProfileMetrics((MetricRegistry) registry, counts);
    }

    private MicroProfileMetrics(MetricRegistry registry, RunCounts counts) {
        this.registry = registry;
        workflows = new LabelCache<>(workflow -> {
            Tag tag = new Tag(WORKFLOW, workflow);
            Map<RunStatus, Counter> ended = new EnumMap<>(RunStatus.class);
            for (RunStatus status : RunStatus.values()) {
                if (endedCounter(status) != null) {
                    ended.put(status, registry.counter(metadata(endedCounter(status), MetricUnits.NONE), tag));
                }
            }
            return new OfWorkflow(registry.counter(metadata(RUNS_STARTED, MetricUnits.NONE), tag), ended,
                    registry.timer(metadata(NOTIFY_TO_RESUMED, MetricUnits.SECONDS), tag));
        });
        steps = new LabelCache<>(workflow -> new LabelCache<>(step -> {
            Tag[] tags = {new Tag(WORKFLOW, workflow), new Tag(STEP, step)};
            return new OfStep(registry.timer(metadata(STEP_DURATION, MetricUnits.SECONDS), tags),
                    registry.counter(metadata(STEP_RETRIES, MetricUnits.NONE), tags));
        }));
        for (NotifyOutcome outcome : NotifyOutcome.values()) {
            notifies.put(outcome, registry.counter(metadata(NOTIFIES, MetricUnits.NONE),
                    new Tag(OUTCOME, outcomeLabel(outcome))));
        }
        timeouts = registry.counter(metadata(TIMEOUTS_FIRED, MetricUnits.NONE));
        lateness = registry.timer(metadata(TIMEOUT_LATENESS, MetricUnits.SECONDS));
        claims = registry.counter(metadata(RECOVERY_CLAIMS, MetricUnits.NONE));
        unavailable = registry.counter(metadata(DATABASE_UNAVAILABLE, MetricUnits.NONE));
        registry.gauge(metadata(RUNS_WAITING, MetricUnits.NONE), counts, RunCounts::waiting);
        registry.gauge(metadata(RUNS_RUNNABLE, MetricUnits.NONE), counts, RunCounts::runnable);
    }

    private static Metadata metadata(String name, String unit) {
        return Metadata.builder().withName(name).withDescription(description(name)).withUnit(unit).build();
    }

    @Override
    public void runStarted(String workflow) {
        workflows.get(workflow).started().inc();
    }

    @Override
    public void runEnded(String workflow, RunStatus status) {
        Counter counter = workflows.get(workflow).ended().get(status);
        if (counter != null) {
            counter.inc();
        }
    }

    @Override
    public void notified(NotifyOutcome outcome) {
        notifies.get(outcome).inc();
    }

    @Override
    public void resumedAfterNotify(String workflow, long millis) {
        workflows.get(workflow).resumed().update(Duration.ofMillis(Math.max(0, millis)));
    }

    @Override
    public void stepFinished(String workflow, String step, long nanos) {
        steps.get(workflow).get(step).duration().update(Duration.ofNanos(nanos));
    }

    @Override
    public void stepRetried(String workflow, String step) {
        steps.get(workflow).get(step).retries().inc();
    }

    @Override
    public void timeoutFired(long latenessMillis) {
        timeouts.inc();
        lateness.update(Duration.ofMillis(Math.max(0, latenessMillis)));
    }

    @Override
    public void recoveryClaimed(int runs) {
        claims.inc(runs);
    }

    @Override
    public void databaseUnavailable() {
        unavailable.inc();
    }

    /** The gauges read this application's counts: they go with it (a redeploy registers them anew). */
    @Override
    public void close() {
        registry.remove(RUNS_WAITING);
        registry.remove(RUNS_RUNNABLE);
    }
}
