package org.durableworkflow.impl.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RawIdsTest {

    @Test
    void percentEscapesAreDecodedAsUtf8AndAStrayPercentIsKept() {
        assertEquals("order 1324", RawIds.decode("order%201324"));
        assertEquals("naïve-注文-😀", RawIds.decode("na%C3%AFve-%E6%B3%A8%E6%96%87-%F0%9F%98%80"));
        assertEquals("50%off", RawIds.decode("50%off"));
        assertEquals("100%", RawIds.decode("100%"));
        assertEquals("%4", RawIds.decode("%4"));
        assertEquals("a;v=2|b[1]😀", RawIds.decode("a;v=2|b[1]😀"));
    }

    @Test
    void theIdIsEverythingAfterTheResourcePathWithTheQueryString() {
        assertEquals("order;v=2", RawIds.after("/v2/notify/", request("/app/workflow/v2/notify/order;v=2", null)));
        assertEquals("a/b/?x=1&y", RawIds.after("/v2/notify/", request("/app/workflow/v2/notify/a/b/", "x=1&y")));
        assertEquals("id /v2/notify/ inside", RawIds.after("/v2/notify/",
                request("/app/workflow/v2/notify/id%20/v2/notify/%20inside", null)));
        assertEquals("x", RawIds.after("/v2/notify/", request("/v2/notify/x", null)),
                "an application at the root: an empty context path");
        assertNull(RawIds.after("/v2/notify/", request("/app/workflow/v2/waiters/x", null)));
    }

    /** A request with {@code uri} under the context path {@code /app} (none when it does not begin with it). */
    private static HttpServletRequest request(String uri, String query) {
        Map<String, Object> answers = Map.of("getRequestURI", uri,
                "getContextPath", uri.startsWith("/app/") ? "/app" : "");
        return (HttpServletRequest) Proxy.newProxyInstance(RawIdsTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getQueryString") ? query
                        : answers.get(method.getName()));
    }
}
