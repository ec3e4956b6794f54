package org.durableworkflow.impl.config;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.durableworkflow.impl.rest.WorkflowRestApplication;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code rest.public-url}'s default: the context root and the library application's mapping. */
class RestRootTest {

    @Test
    void theServletLookedUpIsTheLibrarysApplication() {
        assertEquals(WorkflowRestApplication.class.getName(), RestRoot.SERVLET_NAME);
    }

    @Test
    void contextRootThenMapping() {
        assertEquals("/newapp/workflow", RestRoot.of(servlet("/newapp", null)));
        assertEquals("/workflow", RestRoot.of(servlet("", null)));
        assertEquals("/newapp/workflow", RestRoot.of(servlet("/newapp", List.of("/workflow/*"))));
        assertEquals("/newapp/ops/flows", RestRoot.of(servlet("/newapp", List.of("/ops/flows/*"))));
        assertEquals("/newapp", RestRoot.of(servlet("/newapp", List.of("/*"))));
    }

    /** A servlet context with {@code contextPath}, whose library servlet has {@code mappings} ({@code null}: none). */
    private static ServletContext servlet(String contextPath, List<String> mappings) {
        ServletRegistration registration = mappings == null ? null : (ServletRegistration) Proxy.newProxyInstance(
                RestRootTest.class.getClassLoader(), new Class<?>[]{ServletRegistration.class},
                (proxy, method, args) -> method.getName().equals("getMappings") ? mappings : null);
        return (ServletContext) Proxy.newProxyInstance(RestRootTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getServletRegistration" -> registration;
                    default -> null;
                });
    }
}
