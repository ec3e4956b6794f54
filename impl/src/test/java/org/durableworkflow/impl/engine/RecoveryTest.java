package org.durableworkflow.impl.engine;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecoveryTest {

    @Test
    void aRunQueuedHereHasItsLeaseRenewedAsARunExecutingHereDoes() {
        List<Runnable> heldByExecutor = new ArrayList<>();
        WorkflowEngine engine = new WorkflowEngine();
        engine.executor = executorKeeping(heldByExecutor);
        Recovery recovery = new Recovery();
        recovery.engine = engine;
        recovery.executions = new Executions();

        engine.submit("wfr_queued");

        assertEquals(1, heldByExecutor.size());
        assertEquals(Set.of("wfr_queued"), recovery.runsHeldHere(),
                "left out, another server could claim the run while it waits here, and both would execute it");
    }

    /** An executor whose threads are all taken: it keeps the tasks it is given. */
    private static ManagedExecutorService executorKeeping(List<Runnable> tasks) {
        return (ManagedExecutorService) Proxy.newProxyInstance(RecoveryTest.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    tasks.add((Runnable) args[0]);
                    return null;
                });
    }
}
