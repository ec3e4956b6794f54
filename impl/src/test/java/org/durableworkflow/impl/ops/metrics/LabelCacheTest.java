package org.durableworkflow.impl.ops.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LabelCacheTest {

    @Test
    void aSeriesIsMadeOnceByLabelValue() {
        List<String> made = new ArrayList<>();
        LabelCache<StringBuilder> cache = new LabelCache<>(value -> {
            made.add(value);
            return new StringBuilder(value);
        });
        StringBuilder first = cache.get("order-processing");
        assertSame(first, cache.get("order-processing"));
        assertEquals(List.of("order-processing"), made);
    }

    @Test
    void valuesPastTheMostShareOneSeriesNamedOther() {
        List<String> made = new ArrayList<>();
        LabelCache<String> cache = new LabelCache<>(value -> {
            made.add(value);
            return value;
        });
        for (int i = 0; i < LabelCache.MOST; i++) {
            assertEquals("step " + i, cache.get("step " + i));
        }
        assertEquals(LabelCache.OTHER, cache.get("step from data 1"));
        assertEquals(LabelCache.OTHER, cache.get("step from data 2"));
        assertEquals("step 7", cache.get("step 7"));
        assertEquals(LabelCache.MOST + 1, made.size());
    }
}
