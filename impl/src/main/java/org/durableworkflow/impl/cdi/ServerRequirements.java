package org.durableworkflow.impl.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.store.ContainerParts;
import org.durableworkflow.impl.timer.TimerGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails the application's start when the server lacks a part the library needs (a data source, transactions,
 * managed executors, Jakarta Persistence, an Enterprise Beans container with timers), naming every missing part with
 * its code at once. Without this check the application would start and its first wait or notify would fail.
 */
@ApplicationScoped
public class ServerRequirements {

    @Inject
    TimerGateway timers;
    @Inject
    Dispatcher dispatcher;

    /** First of the library's observers of the start, so that none of them meets a missing part before. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object ignored) {
        List<String> problems = missing();
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("; ", problems));
        }
    }

    /** The problem of each missing part, with its code; none on a server that has them all. */
    List<String> missing() {
        List<String> problems = new ArrayList<>(ContainerParts.missing());
        for (Runnable lookup : List.<Runnable>of(timers::requireBean, dispatcher::requireExecutor)) {
            try {
                lookup.run();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
