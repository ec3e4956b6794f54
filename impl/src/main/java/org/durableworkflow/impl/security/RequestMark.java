package org.durableworkflow.impl.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * What {@link LibraryRootMarker} learnt of the current HTTP request: that it came through the library's own
 * application, and from whom. Request-scoped, so a request that another application routed finds it empty.
 */
@RequestScoped
public class RequestMark {

    private Caller caller;
    private String rootPath;

    /**
     * Marks the current request as the library application's, from {@code caller}, reaching the REST root at
     * {@code rootPath}. Public, as every method a client proxy must forward.
     */
    public void mark(Caller caller, String rootPath) {
        this.caller = caller;
        this.rootPath = rootPath;
    }

    /** The caller of the current request, or {@code null} when the library's application did not route it. */
    public Caller caller() {
        return caller;
    }

    /** The path of the REST root the current request came through. */
    public String rootPath() {
        return rootPath;
    }
}
