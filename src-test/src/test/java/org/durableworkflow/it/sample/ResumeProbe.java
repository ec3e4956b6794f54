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

    /** When the first step after the wait began, {@code System.nanoTime()}. */
    static final Moments RESUMED = new Moments();
    /** When the timeout branch's step began, epoch millis. */
    static final Moments CANCELLED = new Moments();

    @AroundInvoke
    public Object probe(InvocationContext invocation) throws Exception {
        String method = invocation.getMethod().getName();
        if (method.equals("processOrder")) {
            RESUMED.take(invocation, System.nanoTime());
        } else if (method.equals("cancelOrder")) {
            CANCELLED.take(invocation, System.currentTimeMillis());
        }
        return invocation.proceed();
    }

    /** The moments one kind of step began at, for the orders whose ids start with a prefix, while one is set. */
    static final class Moments {

        private final Map<String, Long> taken = new ConcurrentHashMap<>();
        // null: none, so the other phases leave nothing in the map
        private volatile String prefix;

        /** Takes the moments of the orders whose ids start with {@code prefix} from now on, and no others. */
        void takeFrom(String prefix) {
            taken.clear();
            this.prefix = prefix;
        }

        private void take(InvocationContext invocation, long moment) throws ReflectiveOperationException {
            String from = prefix;
            if (from == null) {
                return;
            }
            String orderId = orderId(invocation.getParameters()[0]);
            if (orderId.startsWith(from)) {
                taken.putIfAbsent(orderId, moment);
            }
        }

        /** The moments taken since {@link #takeFrom}, order id to moment, and stops taking them. */
        Map<String, Long> stop() {
            prefix = null;
            Map<String, Long> copy = new HashMap<>(taken);
            taken.clear();
            return copy;
        }
    }

    /** The id of the sample's {@code OrderRequest}, a record this module does not compile against. */
    private static String orderId(Object order) throws ReflectiveOperationException {
        return (String) order.getClass().getMethod("orderId").invoke(order);
    }
}
