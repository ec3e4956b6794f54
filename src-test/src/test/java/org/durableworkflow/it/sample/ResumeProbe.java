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
 * moment the peers' benchmarks take in their step 3, on the clock the notifier's moment was taken on. It is an
 * interceptor inside the library's, so a step that the library answers from the journal on a replay, which does not
 * execute, takes no moment.
 */
@DurableStep
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ResumeProbe {

    private static final Map<String, Long> BEGUN = new ConcurrentHashMap<>();
    // Orders whose ids start with it are timed; null: none, so the other phases leave nothing in the map.
    private static volatile String timedPrefix;

    @AroundInvoke
    public Object probe(InvocationContext invocation) throws Exception {
        String prefix = timedPrefix;
        if (prefix != null && invocation.getMethod().getName().equals("processOrder")) {
            long begun = System.nanoTime();
            String orderId = orderId(invocation.getParameters()[0]);
            if (orderId.startsWith(prefix)) {
                BEGUN.putIfAbsent(orderId, begun);
            }
        }
        return invocation.proceed();
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
        Map<String, Long> taken = new HashMap<>(BEGUN);
        BEGUN.clear();
        return taken;
    }
}
