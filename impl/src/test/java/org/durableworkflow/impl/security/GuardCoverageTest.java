package org.durableworkflow.impl.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.durableworkflow.impl.cdi.DurableWorkflowExtension;
import org.durableworkflow.impl.rest.RestResources;
import org.durableworkflow.impl.rest.WorkflowRestApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST resource of the library, found by reflection over its compiled classes, is reachable only through
 * {@link GuardInterceptor}: a resource added later without the guard fails here.
 */
class GuardCoverageTest {

    @Test
    void everyResourceClassOfTheLibraryIsListedAndGuarded() throws Exception {
        List<Class<?>> found = resourceClasses();
        assertFalse(found.isEmpty());
        assertEquals(found.stream().map(Class::getName).sorted().toList(),
                RestResources.RESOURCES.stream().map(Class::getName).sorted().toList(),
                "the library's application must serve every resource class of the library");
        for (Class<?> resource : found) {
            assertTrue(resource.isAnnotationPresent(Guarded.class), resource + " lacks @Guarded");
            assertTrue(resource.isAnnotationPresent(ApplicationScoped.class),
                    resource + " must be a CDI bean for the guard to intercept it");
            assertFalse(Modifier.isFinal(resource.getModifiers()), resource + " must not be final");
        }
    }

    @Test
    void everyResourceMethodCanBeIntercepted() throws Exception {
        List<String> methods = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isResourceMethod(method)) {
                    continue;
                }
                methods.add(resource.getSimpleName() + "#" + method.getName());
                int modifiers = method.getModifiers();
                assertTrue(Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
                        && !Modifier.isFinal(modifiers), method + " must be public, not static, not final");
            }
        }
        assertTrue(methods.size() >= 7, "resource methods found: " + methods);
    }

    @Test
    void theGuardIsAnEnabledInterceptorTheExtensionRegisters() throws Exception {
        assertTrue(GuardInterceptor.class.isAnnotationPresent(Guarded.class));
        assertTrue(GuardInterceptor.class.isAnnotationPresent(Interceptor.class));
        assertTrue(GuardInterceptor.class.isAnnotationPresent(jakarta.annotation.Priority.class));
        java.lang.reflect.Method beans = DurableWorkflowExtension.class.getDeclaredMethod("libraryBeans");
        beans.setAccessible(true);
        List<?> registered = (List<?>) beans.invoke(null);
        assertTrue(registered.containsAll(List.of(GuardInterceptor.class, CallerCheck.class)));
        assertTrue(registered.containsAll(RestResources.RESOURCES));
        assertTrue(new WorkflowRestApplication().getClasses().contains(LibraryRootMarker.class),
                "only the library's application marks its calls");
    }

    /**
     * {@link ConsoleFile} lets calls through without a token: only the console's resource may carry it, on GET
     * methods, and nothing else of the library; it cannot be put on a class, where data methods would inherit it.
     */
    @Test
    void onlyTheConsolesStaticFilesSkipTheToken() throws Exception {
        List<String> marked = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(ConsoleFile.class)) {
                    marked.add(resource.getSimpleName() + "#" + method.getName());
                    assertTrue(method.isAnnotationPresent(jakarta.ws.rs.GET.class), method + " must be a GET");
                } else if (isResourceMethod(method)) {
                    assertFalse(resource.getSimpleName().equals("ConsoleResource"),
                            method + ": every method of the console's resource serves a static file");
                }
            }
        }
        assertEquals(List.of("ConsoleResource#file", "ConsoleResource#page"), marked.stream().sorted().toList());
        assertEquals(List.of(java.lang.annotation.ElementType.METHOD),
                List.of(ConsoleFile.class.getAnnotation(java.lang.annotation.Target.class).value()));
    }

    @Test
    void theRequestMarkForwardsEveryCallThroughItsClientProxy() {
        for (Method method : RequestMark.class.getDeclaredMethods()) {
            assertTrue(Modifier.isPublic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers()),
                    method + " must be public: a proxy may not forward a package-private call to the request's"
                            + " instance");
        }
    }

    private static boolean isResourceMethod(Method method) {
        return method.isAnnotationPresent(Path.class) || Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    /** Every class of the library's main classes with {@code @Path}. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, GuardCoverageTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
