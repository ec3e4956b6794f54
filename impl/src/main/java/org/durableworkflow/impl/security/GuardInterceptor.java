package org.durableworkflow.impl.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Method;

/**
 * Checks every call of a {@link Guarded} resource before the resource runs: it must have come through the
 * library's own application ({@link LibraryRootMarker}, else 404), and its caller must pass {@link CallerCheck}.
 * Being an interceptor on the resources themselves, it cannot be skipped by an application that registers other
 * providers than the library's. Its priority puts it before every other interceptor.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GuardInterceptor {

    private final CallerCheck check;
    private final HttpServletRequest request;

    @Inject
    public GuardInterceptor(CallerCheck check, HttpServletRequest request) {
        this.check = check;
        this.request = request;
    }

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        try {
            if (request.getAttribute(LibraryRootMarker.ATTRIBUTE) == null) {
                throw new Refusal(404, SecurityProblems.outsideLibraryRoot()).exception();
            }
            Caller caller = new Caller(request.getHeader("Authorization"), request.getUserPrincipal() != null,
                    request::isUserInRole);
            var refusal = check.refusal(caller, isNotifyCall(invocation.getMethod()));
            if (refusal.isPresent()) {
                throw refusal.get().exception();
            }
        } catch (ContextNotActiveException outsideRequest) {
            throw new IllegalStateException(SecurityProblems.outsideHttpRequest(), outsideRequest);
        }
        return invocation.proceed();
    }

    private static boolean isNotifyCall(Method method) {
        return method.isAnnotationPresent(NotifyCall.class)
                || method.getDeclaringClass().isAnnotationPresent(NotifyCall.class);
    }
}
