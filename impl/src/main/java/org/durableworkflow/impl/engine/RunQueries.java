package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;

import java.util.List;
import java.util.Optional;

/** What can be read of runs: one with its journal, or a page of them. Reads only. */
@ApplicationScoped
public class RunQueries {

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;

    /** The run with its journal. */
    public Optional<RunInfo> runInfo(String runId) {
        RunEntity run = runs.findRun(runId);
        if (run == null) {
            return Optional.empty();
        }
        return Optional.of(new RunInfo(run.runId(), run.workflowName(), run.status(), run.input(), run.output(),
                run.error(), run.createdAt(), run.updatedAt(),
                journal.journal(runId).stream().map(StepEntity::toInfo).toList()));
    }

    /** A page of runs, newest first, filtered by status and workflow name where given ({@code null}: any). */
    public List<RunEntity> listRuns(RunStatus status, String workflowName, int offset, int limit) {
        return runs.listRuns(status, workflowName, offset, limit);
    }
}
