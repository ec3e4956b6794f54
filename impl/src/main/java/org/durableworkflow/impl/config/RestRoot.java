package org.durableworkflow.impl.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Where the library's REST root is, as callers reach it, for waiter urls: {@code rest.public-url} when set; else the
 * application's context root followed by {@code /workflow}, from the start of the application, until a call
 * through the library's application tells the root as it is (moved by {@code web.xml}, say).
 */
@ApplicationScoped
public class RestRoot {

    /** The library's REST root under the context root, unless {@code web.xml} maps it elsewhere. */
    public static final String DEFAULT_PATH = "/workflow";

    private volatile String url = DEFAULT_PATH;

    @Inject
    WorkflowConfig config;

    /**
     * In a web application, the payload of the application scope's start is its servlet context; it is read by
     * reflection, since a server may not give applications the servlet API (Liberty without its servlet feature).
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object payload) {
        for (Class<?> type = payload.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getName().equals("jakarta.servlet.ServletContext")) {
                    try {
                        url = stripSlash((String) contract.getMethod("getContextPath").invoke(payload)) + DEFAULT_PATH;
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        return; // the default stands until a call tells the root
                    }
                    return;
                }
            }
        }
    }

    /** Notes the root path of a call through the library's application, as the container saw it. */
    public void seen(String rootPath) {
        String seen = stripSlash(rootPath);
        if (!seen.equals(url)) {
            url = seen;
        }
    }

    /** The REST root as callers reach it, without a trailing slash. */
    public String url() {
        return config.publicUrl().orElse(url);
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
