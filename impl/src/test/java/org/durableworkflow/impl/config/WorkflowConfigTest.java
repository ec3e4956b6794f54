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
    void metricsAreOnUnlessTurnedOffAndABadValueFailsTheStart() {
        assertTrue(with(Map.of()).metricsEnabled());
        assertFalse(with(Map.of("metrics.enabled", "false")).metricsEnabled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("metrics.enabled", "off")));
        assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow.metrics.enabled"), e.getMessage());
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

    @Test
    void theShutdownGraceIsTenSecondsByDefault() {
        assertEquals(java.time.Duration.ofSeconds(10), with(Map.of()).shutdownGrace());
        assertEquals(java.time.Duration.ofSeconds(30), with(Map.of("shutdown.grace", "30s")).shutdownGrace());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("shutdown.grace", "soon")));
        assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow.shutdown.grace"), e.getMessage());
    }

    @Test
    void anIdLengthPastTheColumnsWidthIsRefusedNotCut() {
        assertEquals(256, with(Map.of()).maxIdLength());
        assertEquals(512, with(Map.of("limits.id-length", "512")).maxIdLength());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("limits.id-length", "513")));
        assertEquals("DWF0401: durable-workflow.limits.id-length must be at most 512, got 513", e.getMessage());
    }

    @Test
    void aLeaseShorterThanTwoRecoveryIntervalsIsRefused() {
        assertEquals(java.time.Duration.ofSeconds(20), with(Map.of("lease", "20s", "recovery-interval", "10s")).lease());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("lease", "10s", "recovery-interval", "10s")));
        assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow.lease (PT10S) must be at least twice"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("recovery-interval", "2m")));
    }

    @Test
    void endedRunsAreKeptForGoodUnlessARetentionIsSet() {
        assertTrue(with(Map.of()).runRetention().isZero());
        assertTrue(with(Map.of("runs.retention", "off")).runRetention().isZero());
        assertTrue(with(Map.of("runs.retention", "0")).runRetention().isZero());
        assertEquals(java.time.Duration.ofDays(30), with(Map.of("runs.retention", "30d")).runRetention());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("runs.retention", "a month")));
        assertTrue(e.getMessage().contains("runs.retention"), e.getMessage());
    }

    @Test
    void aServerIdLongerThanTheTablesHoldIsRefused() {
        assertEquals("a".repeat(200), with(Map.of("server-id", "a".repeat(200))).serverId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("server-id", "a".repeat(201))));
        assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow.server-id must be 1 to 200"), e.getMessage());
    }

    @Test
    void aRestAuthOtherThanTokenContainerOrNoneIsRefused() {
        assertTrue(with(Map.of("rest.auth", " none ")).restAuthNone());
        assertTrue(with(Map.of("rest.auth", "container")).restAuthContainer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("rest.auth", " basic ")));
        assertEquals("DWF0400: durable-workflow.rest.auth must be 'token', 'container' or 'none', got 'basic'",
                e.getMessage());
    }

    @Test
    void aDurationOfMoreThanAHundredYearsIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("timer-window", "999999999999d")));
        assertTrue(e.getMessage().startsWith("DWF0401: durable-workflow.timer-window"), e.getMessage());
    }
}
