package org.durableworkflow.impl.cdi;

import java.util.ArrayList;
import java.util.List;

/**
 * Library beans that use an API the application may not have (MicroProfile Telemetry, Health, Metrics): each is
 * registered only when its API's class loads, so the library runs unchanged without them. Named by string, so that
 * loading the extension never loads a class whose API is missing.
 */
final class OptionalBeans {

    /** With the API class {@code api} present, the beans {@code present}; without it, {@code absent}. */
    record Choice(String api, List<String> present, List<String> absent) {
    }

    static final List<Choice> CHOICES = List.of(
            new Choice("io.opentelemetry.api.trace.Tracer",
                    List.of("org.durableworkflow.impl.ops.tracing.OpenTelemetryTracing"),
                    List.of("org.durableworkflow.impl.ops.tracing.NoTracing")),
            new Choice("org.eclipse.microprofile.health.HealthCheck",
                    List.of("org.durableworkflow.impl.health.ReadinessCheck",
                            "org.durableworkflow.impl.health.LivenessCheck"),
                    List.of()),
            new Choice("org.eclipse.microprofile.metrics.MetricRegistry",
                    List.of("org.durableworkflow.impl.ops.metrics.MicroProfileRegistry"), List.of()),
            new Choice("io.opentelemetry.api.OpenTelemetry",
                    List.of("org.durableworkflow.impl.ops.metrics.OpenTelemetryBean"), List.of()));

    private OptionalBeans() {
    }

    /** The bean classes to register, as {@code applicationLoader} (the application's class loader) sees the APIs. */
    static List<Class<?>> chosen(ClassLoader applicationLoader) {
        List<Class<?>> beans = new ArrayList<>();
        for (Choice choice : CHOICES) {
            for (String name : loads(choice.api(), applicationLoader) ? choice.present() : choice.absent()) {
                beans.add(load(name, OptionalBeans.class.getClassLoader()));
            }
        }
        return beans;
    }

    /** Every optional bean class, chosen or not: for the test that every bean of the library is registered. */
    static List<String> allNames() {
        return CHOICES.stream().flatMap(c -> java.util.stream.Stream.concat(c.present().stream(),
                c.absent().stream())).toList();
    }

    /** Whether {@code loader} can load class {@code name}. */
    static boolean loads(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is missing from the library's JAR", e);
        }
    }
}
