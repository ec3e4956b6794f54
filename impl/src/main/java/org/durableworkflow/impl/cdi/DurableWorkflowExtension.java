package org.durableworkflow.impl.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import org.durableworkflow.api.DurableStep;
import org.durableworkflow.impl.engine.Executions;
import org.durableworkflow.impl.engine.KeptEvents;
import org.durableworkflow.impl.engine.LibraryProducers;
import org.durableworkflow.impl.engine.Notifier;
import org.durableworkflow.impl.engine.Recovery;
import org.durableworkflow.impl.engine.StepRunner;
import org.durableworkflow.impl.engine.WaiterOutcomes;
import org.durableworkflow.impl.engine.Waits;
import org.durableworkflow.impl.engine.WorkflowClientImpl;
import org.durableworkflow.impl.engine.WorkflowContextImpl;
import org.durableworkflow.impl.engine.WorkflowEngine;
import org.durableworkflow.impl.config.RestRoot;
import org.durableworkflow.impl.rest.RestResources;
import org.durableworkflow.impl.security.CallerCheck;
import org.durableworkflow.impl.security.GuardInterceptor;
import org.durableworkflow.impl.store.EmbeddedIds;
import org.durableworkflow.impl.store.EventStore;
import org.durableworkflow.impl.store.RunStore;
import org.durableworkflow.impl.store.SchemaInstaller;
import org.durableworkflow.impl.store.Sql;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterSettlement;
import org.durableworkflow.impl.time.Durations;
import org.durableworkflow.impl.timer.DeadlineWindows;
import org.durableworkflow.impl.timer.LocalTimeouts;
import org.durableworkflow.impl.timer.TimerGateway;
import org.durableworkflow.impl.timer.WindowStore;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The portable extension: registers the library's beans and interceptor (the JAR has no beans.xml), collects every
 * {@code @Workflow} method, and fails the deployment with every bad definition at once.
 */
public class DurableWorkflowExtension implements Extension {

    private static final List<Class<?>> LIBRARY_BEANS = Stream.concat(Stream.of(
            DurableStepInterceptor.class, LibraryProducers.class, Transactions.class, Sql.class, EmbeddedIds.class,
            RunStore.class, WaiterSettlement.class, EventStore.class, SchemaInstaller.class, TimerGateway.class,
            DeadlineWindows.class, LocalTimeouts.class, WindowStore.class, WorkflowEngine.class, Executions.class,
            StepRunner.class, Waits.class, WaiterOutcomes.class, KeptEvents.class, Notifier.class, Recovery.class,
            WorkflowContextImpl.class, WorkflowClientImpl.class, GuardInterceptor.class, CallerCheck.class,
            RestRoot.class),
            RestResources.all().stream()).toList();

    private final Map<String, WorkflowDefinition> workflows = new ConcurrentHashMap<>();
    /** Per bean class and method: a class-level annotation of the bean applies to the methods it inherits too. */
    private final Map<StepKey, StepDefinition> steps = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();

    void registerLibraryBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : LIBRARY_BEANS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), "durable-workflow:" + type.getName());
        }
    }

    <T> void collectDefinitions(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        if (LIBRARY_BEANS.contains(beanClass)) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (Method method : DefinitionScanner.scan(beanClass, found::add)) {
            String name = method.getAnnotation(org.durableworkflow.api.Workflow.class).value();
            WorkflowDefinition definition = WorkflowDefinition.of(name, event.getBean(), method);
            WorkflowDefinition previous = workflows.putIfAbsent(name, definition);
            if (previous != null) {
                found.add(DefinitionProblems.duplicateWorkflow(name, previous.method(), method));
            }
        }
        synchronized (problems) {
            problems.addAll(found);
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        synchronized (problems) {
            problems.forEach(problem -> event.addDefinitionError(new DefinitionException(problem)));
        }
    }

    /** The workflow named {@code name}, or {@code null}. */
    public WorkflowDefinition workflow(String name) {
        return name == null ? null : workflows.get(name);
    }

    /** The names of every workflow of the application. */
    public List<String> workflowNames() {
        return workflows.keySet().stream().sorted().toList();
    }

    /**
     * The journal metadata of a {@code @DurableStep} method called on an instance of {@code beanClass} (its CDI
     * subclass, say), computed once: the method's own annotation, or else the one of the bean's class (inherited
     * by subclasses, as {@code @DurableStep} is), whichever class declares the method.
     */
    public StepDefinition step(Method method, Class<?> beanClass) {
        return steps.computeIfAbsent(new StepKey(beanClass, method), key -> {
            DurableStep annotation = method.getAnnotation(DurableStep.class);
            String name = annotation == null || annotation.value().isEmpty() ? method.getName() : annotation.value();
            DurableStep declared = annotation != null ? annotation : beanClass.getAnnotation(DurableStep.class);
            if (declared == null) {
                return StepDefinition.plain(name, method.getGenericReturnType());
            }
            return new StepDefinition(name, method.getGenericReturnType(), declared.transactional(),
                    declared.retries(), Durations.parse(declared.retryDelay())); // checked at deployment
        });
    }

    private record StepKey(Class<?> beanClass, Method method) {
    }
}
