package org.durableworkflow.impl.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * What {@link LibraryRootMarker} learnt of the current HTTP request: that it came through the library's own
 * application, and from whom. Request-scoped, so a request that another application routed finds it empty.
 */
@RequestScoped
public class RequestMark {

    private Caller caller;

    /** Marks the current request as the library application's, from {@code caller}. */
    void mark(Caller caller) {
        this.caller = caller;
    }

    /** The caller of the current request, or {@code null} when the library's application did not route it. */
    Caller caller() {
        return caller;
    }
}
