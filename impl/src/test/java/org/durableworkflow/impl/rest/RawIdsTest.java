package org.durableworkflow.impl.rest;

import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;

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
        assertEquals("order;v=2", RawIds.after("v2/notify/", uri("v2/notify/order;v=2", "")));
        assertEquals("a/b/?x=1&y", RawIds.after("v2/notify/", uri("v2/notify/a/b/", "x=1&y")));
        assertEquals("id v2/notify/ inside", RawIds.after("v2/notify/", uri("v2/notify/id%20v2/notify/%20inside", "")));
        assertNull(RawIds.after("v2/notify/", uri("v2/waiters/x", "")));
    }

    @Test
    void aPathTheRequestUriRefusesIsReadWithoutAQuery() {
        assertEquals("a|b[1]", RawIds.after("v2/notify/", uri("v2/notify/a|b[1]", null)));
    }

    /**
     * A request for {@code path}, relative to the application, and {@code query} ({@code null}: the request URI
     * refuses the path, as JAX-RS's does for a {@code |}).
     */
    private static UriInfo uri(String path, String query) {
        return (UriInfo) Proxy.newProxyInstance(RawIdsTest.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getRequestUri" -> {
                        if (query == null) {
                            throw new IllegalArgumentException("Illegal character in path");
                        }
                        yield URI.create("http://host/app/workflow/" + path + (query.isEmpty() ? "" : "?" + query));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
