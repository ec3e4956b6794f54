package org.durableworkflow.impl.engine.run;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void idsHaveTheAnchorsShape() {
        assertTrue(Ids.runId().matches("wfr_[0-9A-Za-z]{22}"), Ids.runId());
        assertTrue(Ids.messageId().matches("msg_[0-9A-Za-z]{22}"), Ids.messageId());
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.runId());
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void everyCharacterIsAboutEquallyLikely() {
        int[] counts = new int[ALPHABET.length()];
        int draws = 620_000; // 10,000 of each character expected
        for (char c : Ids.random(draws).toCharArray()) {
            counts[ALPHABET.indexOf(c)]++;
        }
        // Chi-squared with 61 degrees of freedom: above 120 by chance about once in 100,000 runs; a bias from mapping
        // all 256 byte values (8 characters of 62 a quarter more likely) gives about 4,000.
        double expected = draws / (double) ALPHABET.length();
        double chiSquared = 0;
        for (int count : counts) {
            chiSquared += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquared < 120, "chi-squared " + chiSquared);
    }
}
