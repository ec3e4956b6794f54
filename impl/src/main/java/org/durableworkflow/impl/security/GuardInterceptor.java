package org.durableworkflow.impl.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.durableworkflow.impl.config.RestRoot;

import java.lang.reflect.Method;

/**
 * Checks every call of a {@link Guarded} resource before the resource runs: it must have come through the
 * library's own application ({@link LibraryRootMarker}, else 404), and its caller must pass {@link CallerCheck}
 * (for the console's static files, {@link ConsoleFile}, its lighter rule).
 * Being an interceptor on the resources themselves, it cannot be skipped by an application that registers other
 * providers than the library's. Its priority puts it before every other interceptor.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GuardInterceptor {

    private final CallerCheck check;
    private final RequestMark mark;
    private final RestRoot restRoot;

    @Inject
    public GuardInterceptor(CallerCheck check, RequestMark mark, RestRoot restRoot) {
        this.check = check;
        this.mark = mark;
        this.restRoot = restRoot;
    }

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        Caller caller;
        try {
            caller = mark.caller();
        } catch (ContextNotActiveException outsideRequest) {
            throw new IllegalStateException(SecurityProblems.outsideHttpRequest(), outsideRequest);
        }
        if (caller == null) {
            throw new Refusal(404, SecurityProblems.outsideLibraryRoot()).exception();
        }
        Method method = invocation.getMethod();
        var refusal = method.isAnnotationPresent(ConsoleFile.class) ? check.consoleFileRefusal(caller)
                : check.refusal(caller, isNotifyCall(method));
        if (refusal.isPresent()) {
            throw refusal.get().exception();
        }
        restRoot.seen(mark.rootPath()); // only a call let in tells where the root is, for waiter urls
        return invocation.proceed();
    }

    private static boolean isNotifyCall(Method method) {
        return method.isAnnotationPresent(NotifyCall.class)
                || method.getDeclaringClass().isAnnotationPresent(NotifyCall.class);
    }
}
