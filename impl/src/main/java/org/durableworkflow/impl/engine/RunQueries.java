package org.durableworkflow.impl.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.api.RunInfo;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.ListedRun;
import org.durableworkflow.impl.store.RunFilter;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.StepEntity;
import org.durableworkflow.impl.store.WaiterEntity;
import org.durableworkflow.impl.store.WaiterStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What can be read of runs: one with its journal and waiters, or a page of them. Reads only. */
@ApplicationScoped
public class RunQueries {

    @Inject
    RunStore runs;
    @Inject
    JournalStore journal;
    @Inject
    WaiterStore waiters;
    @Inject
    Definitions definitions;

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

    /** A page of runs, newest first, that pass {@code filter}: after the run {@code after}, else from {@code offset}. */
    public List<ListedRun> listRuns(RunFilter filter, ListedRun after, int offset, int limit) {
        return runs.listRuns(filter, after, offset, limit);
    }

    /** The run as listings show it, to page after it; empty when there is none. */
    public Optional<ListedRun> listedRun(String runId) {
        return Optional.ofNullable(runs.listedRun(runId));
    }

    /** The workflows deployed here, by name, with whether each has a failure handler. */
    public Map<String, Boolean> workflows() {
        Map<String, Boolean> found = new LinkedHashMap<>();
        definitions.workflowNames().forEach(name -> found.put(name, definitions.failureHandler(name) != null));
        return found;
    }

    /** The run's waiters still waiting (at most one, but for a run executing two waits at once). */
    public List<WaiterEntity> waiting(String runId) {
        return waiters.waitingOfRun(runId);
    }
}
