package org.durableworkflow.impl.engine.waiter;

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
            public List<Object[]> unmatched(String eventId, PairSeen after, long now, int max) {
                return pairs.stream().filter(p -> {
                    long event = ((EventEntity) p[0]).id();
                    return event > after.eventId()
                            || event == after.eventId() && ((WaiterEntity) p[1]).id() > after.waiterId();
                }).limit(max).toList();
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
                return new RunEntity(waiter.runId(), "order", null, 0, null, 0, null);
            }
        };
        return kept;
    }

    @Test
    void theWaitersOfOneEventAfterAPageOfWaitersThatCannotReadItAreReached() throws Exception {
        EventEntity event = event(1, "plain text");
        List<Object[]> pairs = new ArrayList<>();
        for (long waiter = 1; waiter <= 550; waiter++) { // the page ends amid this event's waiters
            pairs.add(new Object[]{event, waiter(waiter, Order.class)});
        }
        pairs.add(new Object[]{event, waiter(551, String.class)});
        List<String> resumed = new ArrayList<>();

        assertEquals(1, keptEvents(pairs, resumed).pairUnmatched(null, null));
        assertEquals(List.of("wfr_551"), resumed);
    }

    /** A kept event of id {@code id} and the waiter of run {@code wfr_<id>} that waits for it as {@code type}. */
    private static Object[] pair(long id, String data, Class<?> type) throws Exception {
        return new Object[]{event(id, data), waiter(id, type)};
    }

    private static EventEntity event(long id, String data) throws Exception {
        EventEntity event = new EventEntity("order-1", null, data, 0, Long.MAX_VALUE);
        setId(event, id);
        return event;
    }

    /** The waiter of run {@code wfr_<id>}, which waits for its event as {@code type}. */
    private static WaiterEntity waiter(long id, Class<?> type) throws Exception {
        WaiterEntity waiter = new WaiterEntity("wfr_" + id, 1, "wait", StepType.WAIT, "order-1", type.getName(),
                Long.MAX_VALUE, 0);
        setId(waiter, 1000 + id);
        return waiter;
    }

    private static void setId(Object entity, long id) throws Exception {
        Field field = entity.getClass().getDeclaredField("id");
        field.setAccessible(true); // the database assigns ids; these rows never saw one
        field.set(entity, id);
    }
}
