package org.durableworkflow.impl.engine;

import org.durableworkflow.api.StepType;
import org.durableworkflow.impl.json.JsonCodec;
import org.durableworkflow.impl.store.EventEntity;
import org.durableworkflow.impl.store.EventStore;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.store.Transactions;
import org.durableworkflow.impl.store.WaiterEntity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeptEventsTest {

    /** What the waits below read their events as; plain text is not one. */
    record Order(String orderId) {
    }

    @Test
    void pairsTheWaitsCannotReadDoNotHideAReadablePairAfterThem() throws Exception {
        List<Object[]> pairs = new ArrayList<>();
        for (long id = 1; id <= 600; id++) { // more than one page of events that their waits cannot read
            pairs.add(pair(id, "plain text", Order.class));
        }
        pairs.add(pair(601, "\"for a text wait\"", String.class));
        List<String> resumed = new ArrayList<>();
        KeptEvents kept = keptEvents(pairs, resumed);

        assertEquals(1, kept.pairUnmatched(null, null));
        assertEquals(List.of("wfr_601"), resumed);
    }

    private static KeptEvents keptEvents(List<Object[]> pairs, List<String> resumed) {
        KeptEvents kept = new KeptEvents();
        kept.json = new JsonCodec();
        kept.clock = () -> 0;
        kept.transactions = new Transactions() {
            @Override
            public <T> T required(Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T requiresNew(Callable<T> work) throws Exception {
                return work.call();
            }
        };
        kept.events = new EventStore() {
            @Override
            public List<Object[]> unmatched(String eventId, long afterEventById, long now, int max) {
                return pairs.stream().filter(p -> ((EventEntity) p[0]).id() > afterEventById).limit(max).toList();
            }

            @Override
            public boolean take(long id) {
                return true;
            }
        };
        kept.outcomes = new WaiterOutcomes() {
            @Override
            public RunEntity notifyWaiter(WaiterEntity waiter, String eventText) {
                resumed.add(waiter.runId());
                return new RunEntity(waiter.runId(), "order", null, 0, null, 0);
            }
        };
        return kept;
    }

    /** A kept event of id {@code id} and the waiter of run {@code wfr_<id>} that waits for it as {@code type}. */
    private static Object[] pair(long id, String data, Class<?> type) throws Exception {
        EventEntity event = new EventEntity("order-" + id, null, data, 0, Long.MAX_VALUE);
        WaiterEntity waiter = new WaiterEntity("wfr_" + id, 1, "wait", StepType.WAIT, "order-" + id, type.getName(),
                Long.MAX_VALUE, 0);
        setId(event, id);
        setId(waiter, 1000 + id);
        return new Object[]{event, waiter};
    }

    private static void setId(Object entity, long id) throws Exception {
        Field field = entity.getClass().getDeclaredField("id");
        field.setAccessible(true); // the database assigns ids; these rows never saw one
        field.set(entity, id);
    }
}
