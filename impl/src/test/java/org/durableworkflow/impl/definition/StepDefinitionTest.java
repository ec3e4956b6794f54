package org.durableworkflow.impl.definition;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
