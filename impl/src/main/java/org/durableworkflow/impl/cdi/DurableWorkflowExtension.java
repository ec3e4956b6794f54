package org.durableworkflow.impl.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import org.durableworkflow.impl.engine.Executions;
import org.durableworkflow.impl.engine.KeptEvents;
import org.durableworkflow.impl.definition.Definitions;
import org.durableworkflow.impl.engine.Notifier;
import org.durableworkflow.impl.engine.Recovery;
import org.durableworkflow.impl.engine.StepRunner;
import org.durableworkflow.impl.engine.WaiterOutcomes;
import org.durableworkflow.impl.engine.Waits;
import org.durableworkflow.impl.engine.WorkflowClientImpl;
import org.durableworkflow.impl.engine.WorkflowContextImpl;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.rest.RestResources;
import org.durableworkflow.impl.store.EmbeddedIds;
import org.durableworkflow.impl.store.EventStore;
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

import java.util.List;
import java.util.stream.Stream;

/**
 * The portable extension: registers the library's beans and interceptor (the JAR has no beans.xml), collects every
 * {@code @Workflow} method into the {@link Definitions}, and fails the deployment with every bad definition at once.
 */
public class DurableWorkflowExtension implements Extension {

    private static final List<Class<?>> LIBRARY_BEANS = Stream.concat(Stream.of(
            DurableStepInterceptor.class, LibraryProducers.class, Transactions.class, Sql.class, EmbeddedIds.class,
            RunStore.class, JournalStore.class, WaiterStore.class, LeaseStore.class, RetentionStore.class,
            WaiterSettlement.class, EventStore.class, SchemaInstaller.class, TimerGateway.class,
            DeadlineWindows.class, LocalTimeouts.class, WindowStore.class, WorkflowEngine.class, Executions.class,
            StepRunner.class, Waits.class, WaiterOutcomes.class, KeptEvents.class, Notifier.class, Recovery.class,
            WorkflowContextImpl.class, WorkflowClientImpl.class),
            RestResources.CLASSES.stream()).toList();

    private final Definitions definitions = new Definitions();

    void registerLibraryBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : LIBRARY_BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), "durable-workflow:" + type.getName());
        }
    }

    <T> void collectDefinitions(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        if (!LIBRARY_BEANS.contains(beanClass)) {
            definitions.collect(event.getBean(), beanClass);
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        definitions.problems().forEach(problem -> event.addDefinitionError(new DefinitionException(problem)));
    }

    /** The definitions collected, for the engine ({@link LibraryProducers}). */
    Definitions definitions() {
        return definitions;
    }
}
