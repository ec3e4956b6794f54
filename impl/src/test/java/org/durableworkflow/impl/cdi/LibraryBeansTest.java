package org.durableworkflow.impl.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.interceptor.Interceptor;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The library's JAR has no beans.xml, so the container finds only the beans the extension registers: every class of
 * the library with a bean-defining annotation must be in its list, or a deployment fails on an unsatisfied
 * dependency (or, worse, a bean silently goes missing).
 */
class LibraryBeansTest {

    /** Not {@code @Singleton}: the EJB container finds the timer bean itself, in the WAR's libraries. */
    private static final List<Class<? extends Annotation>> BEAN_DEFINING = List.of(ApplicationScoped.class,
            RequestScoped.class, Dependent.class, Interceptor.class);

    @Test
    void everyBeanClassOfTheLibraryIsRegistered() throws Exception {
        List<?> registered = DurableWorkflowExtension.libraryBeans();
        List<String> missing = new ArrayList<>();
        Path root = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (BEAN_DEFINING.stream().anyMatch(type::isAnnotationPresent) && !registered.contains(type)
                        && !OptionalBeans.allNames().contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing, "bean classes the extension does not register");
    }
}
