package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.NotifyResponse;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunResult;
import org.durableworkflow.api.Waiter;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.impl.engine.result.ResultAwaiter;
import org.durableworkflow.impl.engine.waiter.Notifier;
import org.durableworkflow.impl.json.JsonCodec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link WorkflowClient} for application beans. */
@ApplicationScoped
public class WorkflowClientImpl implements WorkflowClient {

    @Inject
    WorkflowEngine engine;
    @Inject
    Notifier notifier;
    @Inject
    JsonCodec json;
    @Inject
    ResultAwaiter results;

    @Override
    public String start(String workflowName, Object input) {
        return engine.start(workflowName, input, null);
    }

    @Override
    public String start(String workflowName, Object input, String workflowRunId) {
        return engine.start(workflowName, input, workflowRunId);
    }

    @Override
    public List<NotifyResponse> notify(String eventId, Object eventData) {
        return notifier.notify(eventId, json.eventText(eventData)).responses();
    }

    @Override
    public List<NotifyResponse> notifyRun(String workflowRunId, String eventId, Object eventData) {
        return notifier.notifyRun(workflowRunId, eventId, json.eventText(eventData)).responses();
    }

    @Override
    public List<Waiter> getWaiters(String eventId) {
        return notifier.waiters(eventId);
    }

    @Override
    public Optional<RunInfo> getRun(String workflowRunId) {
        return engine.runInfo(workflowRunId);
    }

    @Override
    public boolean cancel(String workflowRunId) {
        return engine.cancel(workflowRunId);
    }

    @Override
    public void resume(String workflowRunId) {
        engine.resume(workflowRunId);
    }

    @Override
    public String fork(String workflowRunId, int fromSequence) {
        return engine.fork(workflowRunId, fromSequence);
    }

    @Override
    public <T> RunResult<T> awaitResult(String workflowRunId, Duration maxWait, Class<T> type) {
        return results.awaitResult(workflowRunId, maxWait, type);
    }
}
