package org.durableworkflow.it.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.api.Workflow;
import org.durableworkflow.api.WorkflowContext;

/**
 * For {@link PatchedRoundTripsBenchmark} only (added to a copy of the sample WAR): two workflows alike but for a
 * {@code patched} call before their wait, whose statements the benchmark counts.
 */
@ApplicationScoped
public class PatchProbe {

    @Inject
    WorkflowContext context;
    @Inject
    Steps steps;

    @Workflow("patch-probe-plain")
    public String plain(String id) {
        steps.before(id);
        context.waitForEvent("wait", "probe-" + id, "10m", String.class);
        return steps.after(id);
    }

    @Workflow("patch-probe-patched")
    public String patched(String id) {
        steps.before(id);
        String path = context.patched("probe-patch") ? "new" : "old";
        context.waitForEvent("wait", "probe-" + id, "10m", String.class);
        return steps.after(id + " " + path);
    }

    /** Two transactional steps that touch nothing but the journal. */
    @ApplicationScoped
    public static class Steps {

        @DurableStep(value = "before", transactional = true)
        public String before(String id) {
            return id;
        }

        @DurableStep(value = "after", transactional = true)
        public String after(String id) {
            return id;
        }
    }
}
