package org.durableworkflow.impl.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.engine.RunQueries;
import org.durableworkflow.impl.engine.WorkflowClientImpl;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.config.RestRoot;
import org.durableworkflow.impl.engine.dispatch.Dispatcher;
import org.durableworkflow.impl.engine.end.RunEnding;
import org.durableworkflow.impl.engine.execute.Executions;
import org.durableworkflow.impl.engine.execute.FailureTail;
import org.durableworkflow.impl.engine.execute.ReplayAttempt;
import org.durableworkflow.impl.engine.recovery.GracefulStop;
import org.durableworkflow.impl.engine.recovery.Recovery;
import org.durableworkflow.impl.engine.repair.RunRepair;
import org.durableworkflow.impl.engine.result.ResultAwaiter;
import org.durableworkflow.impl.engine.result.ResultWaiters;
import org.durableworkflow.impl.engine.start.RunStarter;
import org.durableworkflow.impl.engine.step.StepRunner;
import org.durableworkflow.impl.engine.step.Waits;
import org.durableworkflow.impl.engine.step.WorkflowContextImpl;
import org.durableworkflow.impl.engine.waiter.KeptEvents;
import org.durableworkflow.impl.engine.waiter.Notifier;
import org.durableworkflow.impl.engine.waiter.WaiterOutcomes;
import org.durableworkflow.impl.ops.metrics.MetricsSelection;
import org.durableworkflow.impl.rest.RestResources;
import org.durableworkflow.impl.security.CallerCheck;
import org.durableworkflow.impl.security.GuardInterceptor;
import org.durableworkflow.impl.security.RequestMark;
import org.durableworkflow.impl.store.EmbeddedIds;
import org.durableworkflow.impl.store.EventStore;
import org.durableworkflow.impl.store.HealthQueries;
import org.durableworkflow.impl.store.JournalStore;
import org.durableworkflow.impl.store.LeaseStore;
import org.durableworkflow.impl.store.RetentionStore;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.WaiterStore;
import org.durableworkflow.impl.store.SchemaInstaller;
import org.durableworkflow.impl.store.Sql;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterSettlement;
import org.durableworkflow.impl.timer.DeadlineWindows;
import org.durableworkflow.impl.timer.LocalTimeouts;
import org.durableworkflow.impl.timer.TimerGateway;
import org.durableworkflow.impl.timer.WindowStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The portable extension: registers the library's beans and interceptor (the JAR has no beans.xml), collects every
 * {@code @Workflow} method into the {@link Definitions}, and fails the deployment with every bad definition at once.
 */
public class DurableWorkflowExtension implements Extension {

    /**
     * Every bean class of the library, by package: the JAR has no beans.xml, so the container finds none itself. A
     * method, not a constant, so that no class of an API the server may lack loads before {@link RequiredApis} checks.
     */
    static List<Class<?>> libraryBeans() {
        return Stream.of(
            List.of(DurableStepInterceptor.class, LibraryProducers.class, ServerRequirements.class),
            List.of(Transactions.class, Sql.class, EmbeddedIds.class, SchemaInstaller.class, RunStore.class,
                    JournalStore.class, WaiterStore.class, LeaseStore.class, RetentionStore.class, HealthQueries.class,
                    WaiterSettlement.class, EventStore.class),
            List.of(TimerGateway.class, DeadlineWindows.class, LocalTimeouts.class, WindowStore.class),
            List.of(Dispatcher.class, RunEnding.class, ReplayAttempt.class, FailureTail.class, Executions.class,
                    WaiterOutcomes.class, KeptEvents.class, Notifier.class, StepRunner.class, Waits.class,
                    WorkflowContextImpl.class, GracefulStop.class,
                    RunStarter.class, Recovery.class, RunQueries.class, RunRepair.class, WorkflowEngine.class,
                    WorkflowClientImpl.class, ResultWaiters.class, ResultAwaiter.class),
            List.of(RestRoot.class, GuardInterceptor.class, CallerCheck.class, RequestMark.class),
            List.<Class<?>>of(MetricsSelection.class),
            RestResources.all()).flatMap(List::stream).toList();
    }

    private final Definitions definitions = new Definitions();
    private final Set<Class<?>> registered = new HashSet<>();
    /** The problems of the Jakarta APIs the application does not see; with any, no library bean is registered. */
    private List<String> missingApis = List.of();

    void registerLibraryBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        missingApis = RequiredApis.missing(DurableWorkflowExtension.class.getClassLoader());
        if (!missingApis.isEmpty()) {
            return; // their classes would not load: the deployment fails with the APIs named instead
        }
        registered.addAll(libraryBeans());
        registered.addAll(OptionalBeans.chosen(DurableWorkflowExtension.class.getClassLoader()));
        for (Class<?> type : registered) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), "durable-workflow:" + type.getName());
        }
    }

    <T> void collectDefinitions(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        if (!registered.contains(beanClass)) {
            definitions.collect(event.getBean(), beanClass);
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        missingApis.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        definitions.checkFailureHandlers();
        definitions.problems().forEach(problem -> event.addDefinitionError(new DefinitionException(problem)));
    }

    /** The definitions collected, for the engine ({@link LibraryProducers}). */
    Definitions definitions() {
        return definitions;
    }
}
