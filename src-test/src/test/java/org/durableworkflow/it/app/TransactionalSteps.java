package org.durableworkflow.it.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.WorkflowClient;
import org.durableworkflow.api.WorkflowContext;

import java.util.UUID;

/**
 * Steps that tell which transaction they ran in (their result) and count, besides their calls (and the threads that
 * made them), their effects that committed: each registers a synchronization with its transaction, the way a
 * transactional resource takes part.
 */
@ApplicationScoped
public class TransactionalSteps {

    private static final String TRANSACTION_NAME = "transactional-steps.name";

    @Inject
    WorkflowContext context;
    @Inject
    WorkflowClient client;
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @DurableStep(value = "reserve", transactional = true)
    public String reserve() {
        return takePart("reserve");
    }

    @DurableStep(value = "charge", transactional = true)
    public String charge(boolean declined) {
        String transaction = takePart("charge");
        if (declined) {
            throw new IllegalStateException("card declined");
        }
        return transaction;
    }

    /** Fails its first {@code failures} calls in a run; retried twice. */
    @DurableStep(value = "flaky charge", transactional = true, retries = 2, retryDelay = "PT0.05S")
    public String flakyCharge(int failures) {
        String transaction = takePart("flaky charge");
        int calls = StepCalls.count(context.workflowRunId(), "flaky charge");
        if (calls <= failures) {
            throw new IllegalStateException("charge " + calls + " failed");
        }
        return transaction;
    }

    /** As {@link #reserve}, held at the {@link Gate} first. */
    @DurableStep(value = "reserve at gate", transactional = true)
    public String reserveAtGate() throws InterruptedException {
        Gate.pass();
        return takePart("reserve at gate");
    }

    /** Cancels its own run, as a step that finds its order void might. */
    @DurableStep(value = "cancel itself", transactional = true)
    public String cancelItself() {
        String transaction = takePart("cancel itself");
        client.cancel(context.workflowRunId());
        return transaction;
    }

    /** Not transactional: its effect (an email, say) would escape a rollback. */
    @DurableStep("email")
    public String email() {
        return takePart("email");
    }

    private String takePart(String step) {
        String runId = context.workflowRunId();
        StepCalls.record(runId, step);
        StepCalls.record(runId, step + " on " + Thread.currentThread().getName());
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    StepCalls.record(runId, step + " committed");
                }
            }
        });
        if (registry.getResource(TRANSACTION_NAME) == null) {
            registry.putResource(TRANSACTION_NAME, UUID.randomUUID().toString());
        }
        return (String) registry.getResource(TRANSACTION_NAME);
    }
}
