package org.durableworkflow.impl.ops.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import org.durableworkflow.api.RunStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.durableworkflow.impl.ops.metrics.MetricNames.*;

/**
 * Records through the OpenTelemetry metrics API of MicroProfile Telemetry 2.0 (Liberty's {@code mpTelemetry-2.0},
 * WildFly's {@code microprofile-telemetry}); the server's SDK exports them (OTLP, Prometheus, logging). Attributes
 * are made once per label value ({@link LabelCache}), so a record allocates nothing of its own. Loaded only when
 * the API is present ({@link MetricsSelection}).
 */
final class OpenTelemetryMetrics implements WorkflowMetrics, AutoCloseable {

    static final String SCOPE = "org.durableworkflow";
    private static final AttributeKey<String> WORKFLOW_KEY = AttributeKey.stringKey(WORKFLOW);
    private static final AttributeKey<String> STEP_KEY = AttributeKey.stringKey(STEP);
    /** Seconds: from a millisecond (a notify resumed on its own thread) to an hour (a step retried that long). */
    private static final List<Double> BUCKETS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0);

    private final LabelCache<Attributes> workflows = new LabelCache<>(w -> Attributes.of(WORKFLOW_KEY, w));
    private final LabelCache<LabelCache<Attributes>> steps = new LabelCache<>(w -> new LabelCache<>(
            s -> Attributes.of(WORKFLOW_KEY, w, STEP_KEY, s)));
    private final Map<NotifyOutcome, Attributes> outcomes = new EnumMap<>(NotifyOutcome.class);
    private final Map<RunStatus, LongCounter> ended = new EnumMap<>(RunStatus.class);
    private final LongCounter started;
    private final LongCounter notifies;
    private final DoubleHistogram resumed;
    private final DoubleHistogram stepDuration;
    private final LongCounter retries;
    private final LongCounter timeouts;
    private final DoubleHistogram lateness;
    private final LongCounter claims;
    private final LongCounter unavailable;
    private final ObservableLongGauge waiting;
    private final ObservableLongGauge runnable;

    /** Typed {@code Object}, so that only this class names the API: the caller checked it is deployed. */
    static WorkflowMetrics create(Object openTelemetry, RunCounts counts) {
        return new OpenTelemetryMetrics(((OpenTelemetry) openTelemetry).getMeter(SCOPE), counts);
    }

    private OpenTelemetryMetrics(Meter meter, RunCounts counts) {
        started = counter(meter, RUNS_STARTED);
        for (RunStatus status : RunStatus.values()) {
            if (endedCounter(status) != null) {
                ended.put(status, counter(meter, endedCounter(status)));
            }
        }
        notifies = counter(meter, NOTIFIES);
        for (NotifyOutcome outcome : NotifyOutcome.values()) {
            outcomes.put(outcome, Attributes.of(AttributeKey.stringKey(OUTCOME), outcomeLabel(outcome)));
        }
        resumed = seconds(meter, NOTIFY_TO_RESUMED);
        stepDuration = seconds(meter, STEP_DURATION);
        retries = counter(meter, STEP_RETRIES);
        timeouts = counter(meter, TIMEOUTS_FIRED);
        lateness = seconds(meter, TIMEOUT_LATENESS);
        claims = counter(meter, RECOVERY_CLAIMS);
        unavailable = counter(meter, DATABASE_UNAVAILABLE);
        waiting = meter.gaugeBuilder(RUNS_WAITING).setDescription(description(RUNS_WAITING)).ofLongs()
                .buildWithCallback(measurement -> measurement.record(counts.waiting()));
        runnable = meter.gaugeBuilder(RUNS_RUNNABLE).setDescription(description(RUNS_RUNNABLE)).ofLongs()
                .buildWithCallback(measurement -> measurement.record(counts.runnable()));
    }

    private static LongCounter counter(Meter meter, String name) {
        return meter.counterBuilder(name).setDescription(description(name)).build();
    }

    private static DoubleHistogram seconds(Meter meter, String name) {
        return meter.histogramBuilder(name).setDescription(description(name)).setUnit("s")
                .setExplicitBucketBoundariesAdvice(BUCKETS).build();
    }

    @Override
    public void runStarted(String workflow) {
        started.add(1, workflows.get(workflow));
    }

    @Override
    public void runEnded(String workflow, RunStatus status) {
        LongCounter counter = ended.get(status);
        if (counter != null) {
            counter.add(1, workflows.get(workflow));
        }
    }

    @Override
    public void notified(NotifyOutcome outcome) {
        notifies.add(1, outcomes.get(outcome));
    }

    @Override
    public void resumedAfterNotify(String workflow, long millis) {
        resumed.record(Math.max(0, millis) / 1e3, workflows.get(workflow));
    }

    @Override
    public void stepFinished(String workflow, String step, long nanos) {
        stepDuration.record(nanos / 1e9, steps.get(workflow).get(step));
    }

    @Override
    public void stepRetried(String workflow, String step) {
        retries.add(1, steps.get(workflow).get(step));
    }

    @Override
    public void timeoutFired(long latenessMillis) {
        timeouts.add(1);
        lateness.record(Math.max(0, latenessMillis) / 1e3);
    }

    @Override
    public void recoveryClaimed(int runs) {
        claims.add(runs);
    }

    @Override
    public void databaseUnavailable() {
        unavailable.add(1);
    }

    @Override
    public void close() {
        waiting.close();
        runnable.close();
    }
}
