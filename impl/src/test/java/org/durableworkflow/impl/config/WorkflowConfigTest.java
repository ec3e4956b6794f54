package org.durableworkflow.impl.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowConfigTest {

    private static WorkflowConfig with(Map<String, String> settings) {
        return new WorkflowConfig(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void theExecutorBacklogIsSixteenByDefaultAPositiveNumberOrOff() {
        assertEquals(16, with(Map.of()).executorBacklog());
        assertEquals(3, with(Map.of("executor.backlog", " 3 ")).executorBacklog());
        assertEquals(Integer.MAX_VALUE, with(Map.of("executor.backlog", "off")).executorBacklog());
    }

    @Test
    void startsAndNotifiesExecuteInTheCallerUnlessTurnedOff() {
        assertTrue(with(Map.of()).executesInCaller());
        assertFalse(with(Map.of("executor.in-caller", " false")).executesInCaller());
    }

    @Test
    void aBadBacklogOrTimerWindowFailsTheStartNamingTheKey() {
        for (Map<String, String> bad : new Map[]{Map.of("executor.backlog", "0"), Map.of("executor.backlog", "many"),
                Map.of("timer-window", "0ms"), Map.of("executor.in-caller", "yes")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(bad));
            assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow." + bad.keySet().iterator().next()),
                    e.getMessage());
        }
    }
}
