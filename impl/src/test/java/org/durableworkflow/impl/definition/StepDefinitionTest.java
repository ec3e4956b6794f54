package org.durableworkflow.impl.definition;

import org.durableworkflow.api.exception.NonRetryableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepDefinitionTest {

    @Test
    void eachRetryWaitsTwiceThePauseBeforeItUpToAnHour() {
        StepDefinition step = new StepDefinition("charge", String.class, false, 30, Duration.ofSeconds(1));

        assertEquals(Duration.ofSeconds(1), step.pauseBefore(1));
        assertEquals(Duration.ofSeconds(2), step.pauseBefore(2));
        assertEquals(Duration.ofSeconds(4), step.pauseBefore(3));
        assertEquals(Duration.ofHours(1), step.pauseBefore(13)); // 4,096 s
        assertEquals(Duration.ofHours(1), step.pauseBefore(30));
    }

    @Test
    void exceptionsNotWorthARetryEndTheRetriesAtOnce() {
        StepDefinition step = new StepDefinition("charge", String.class, false, 3, Duration.ofSeconds(1),
                List.of(IllegalArgumentException.class));

        assertTrue(step.retriesAfter(1, new IllegalStateException("busy")));
        assertTrue(step.retriesAfter(3, new IllegalStateException("busy")));
        assertFalse(step.retriesAfter(4, new IllegalStateException("busy")));
        assertFalse(step.retriesAfter(1, new IllegalArgumentException("bad card")));
        assertFalse(step.retriesAfter(1, new NumberFormatException("a subclass")));
        assertFalse(step.retriesAfter(1, new NonRetryableException("rejected")));
    }
}
