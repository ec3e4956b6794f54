package org.durableworkflow.impl.config;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Waiter urls name the REST root as callers reach it: under the context root, or where calls showed it. */
class RestRootTest {

    private static RestRoot root(Map<String, String> settings) {
        RestRoot root = new RestRoot();
        root.config = new WorkflowConfig(key -> Optional.ofNullable(settings.get(key)));
        return root;
    }

    private static ServletContext servlet(String contextPath) {
        return (ServletContext) Proxy.newProxyInstance(RestRootTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class},
                (proxy, method, args) -> method.getName().equals("getContextPath") ? contextPath : null);
    }

    @Test
    void theContextRootFromTheStartThenTheRootCallsCameThrough() {
        RestRoot root = root(Map.of());
        assertEquals("/workflow", root.url());
        root.onStart(servlet("/newapp"));
        assertEquals("/newapp/workflow", root.url());
        root.onStart(new Object()); // not a web application's start: nothing changes
        assertEquals("/newapp/workflow", root.url());
        root.seen("/newapp/ops/flows/");
        assertEquals("/newapp/ops/flows", root.url());
        root.onStart(servlet(""));
        assertEquals("/workflow", root.url());
    }

    @Test
    void aConfiguredPublicUrlWins() {
        RestRoot root = root(Map.of("rest.public-url", "https://flows.example.com/workflow/"));
        root.onStart(servlet("/newapp"));
        assertEquals("https://flows.example.com/workflow", root.url());
    }
}
