package org.durableworkflow.impl.time;

import org.durableworkflow.api.exception.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @Test
    void readsTheAnchorsForms() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofMinutes(10), Durations.parse(" PT10M "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10 minutes", "10x", "m", "1.5h", "-1m", "P", "ten", "10mm"})
    void refusesAnythingElseNamingTheText(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("DWF0200") || e.getMessage().startsWith("DWF0201"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0", "PT0S", "PT-1M"})
    void refusesDurationsThatAreNotPositive(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("DWF0201"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"36501d", "999999999999d", "999999999999", "PT9223372036854775S"})
    void refusesDurationsLongerThanAHundredYears(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("DWF0202"), e.getMessage());
    }

    @Test
    void aForeverDurationIsRefusedNotWrappedToThePast() {
        assertEquals(Durations.LONGEST, Durations.requirePositive(Duration.ofDays(36_500), "36500d"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Durations.requirePositive(Duration.ofMillis(Long.MAX_VALUE), "forever"));
        assertTrue(e.getMessage().startsWith("DWF0202"), e.getMessage());
    }
}
