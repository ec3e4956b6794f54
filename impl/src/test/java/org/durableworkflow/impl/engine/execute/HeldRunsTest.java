package org.durableworkflow.impl.engine.execute;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeldRunsTest {

    @Test
    void aRunQueuedHereHasItsLeaseRenewedAsARunExecutingHereDoes() {
        List<Runnable> heldByExecutor = new ArrayList<>();
        Dispatcher engine = new Dispatcher() {
            @Override
            protected ManagedExecutorService executor() {
                return executorKeeping(heldByExecutor);
            }
        };
        Executions executions = new Executions();
        executions.transactions = new ExecutionsTest.DatabaseAway(); // an execution that begins ends at once
        executions.dispatcher = engine;

        executions.submit("wfr_queued");
        executions.submit("wfr_queued"); // resumed again before its first execution began
        assertEquals(Set.of("wfr_queued"), engine.heldRunIds());

        heldByExecutor.get(0).run(); // the first execution began (and ended): the second still waits
        assertEquals(Set.of("wfr_queued"), engine.heldRunIds(),
                "left out, another server could claim the run while it waits here, and both would execute it");

        heldByExecutor.get(1).run();
        assertEquals(Set.of(), engine.heldRunIds(), "a run no longer here must have its lease lapse");
    }

    /** An executor whose threads are all taken: it keeps the tasks it is given. */
    private static ManagedExecutorService executorKeeping(List<Runnable> tasks) {
        return (ManagedExecutorService) Proxy.newProxyInstance(HeldRunsTest.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    tasks.add((Runnable) args[0]);
                    return null;
                });
    }
}
