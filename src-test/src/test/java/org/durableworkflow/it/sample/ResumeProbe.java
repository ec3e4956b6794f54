package org.durableworkflow.it.sample;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.durableworkflow.api.DurableStep;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the benchmarks only, added with {@link InProcessLoad} to a copy of the sample WAR: takes
 * {@code System.nanoTime()} when the order workflow's first step after its wait ({@code processOrder}) begins, the
 * moment the peers' benchmarks take in their step 3, on the clock the notifier's moment was taken on; and
 * {@code System.currentTimeMillis()} when its timeout branch's step ({@code cancelOrder}) begins, the moment the
 * peers' benchmarks take in theirs, on the clock the wait's deadline was taken on. It is an interceptor inside the
 * library's, so a step that the library answers from the journal on a replay, which does not execute, takes no
 * moment.
 */
@DurableStep
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ResumeProbe {

    private static final Map<String, Long> BEGUN = new ConcurrentHashMap<>();
    private static final Map<String, Long> CANCELLED = new ConcurrentHashMap<>();
    // Orders whose ids start with it are timed; null: none, so the other phases leave nothing in the maps.
    private static volatile String timedPrefix;
    private static volatile String cancelledPrefix;

    @AroundInvoke
    public Object probe(InvocationContext invocation) throws Exception {
        String method = invocation.getMethod().getName();
        if (method.equals("processOrder")) {
            take(invocation, timedPrefix, System.nanoTime(), BEGUN);
        } else if (method.equals("cancelOrder")) {
            take(invocation, cancelledPrefix, System.currentTimeMillis(), CANCELLED);
        }
        return invocation.proceed();
    }

    private static void take(InvocationContext invocation, String prefix, long moment, Map<String, Long> moments)
            throws ReflectiveOperationException {
        if (prefix == null) {
            return;
        }
        String orderId = orderId(invocation.getParameters()[0]);
        if (orderId.startsWith(prefix)) {
            moments.putIfAbsent(orderId, moment);
        }
    }

    /** The id of the sample's {@code OrderRequest}, a record this module does not compile against. */
    private static String orderId(Object order) throws ReflectiveOperationException {
        return (String) order.getClass().getMethod("orderId").invoke(order);
    }

    /** Times the orders whose ids start with {@code prefix} from now on, and no others. */
    static void time(String prefix) {
        BEGUN.clear();
        timedPrefix = prefix;
    }

    /** The moments taken since {@link #time}, order id to nanos, and stops timing. */
    static Map<String, Long> taken() {
        timedPrefix = null;
        return drain(BEGUN);
    }

    /** Takes the moment the timeout branch of the orders whose ids start with {@code prefix} begins, from now on. */
    static void timeCancellations(String prefix) {
        CANCELLED.clear();
        cancelledPrefix = prefix;
    }

    /** The moments taken since {@link #timeCancellations}, order id to epoch millis, and stops taking them. */
    static Map<String, Long> cancellationsTaken() {
        cancelledPrefix = null;
        return drain(CANCELLED);
    }

    private static Map<String, Long> drain(Map<String, Long> moments) {
        Map<String, Long> taken = new HashMap<>(moments);
        moments.clear();
        return taken;
    }
}
