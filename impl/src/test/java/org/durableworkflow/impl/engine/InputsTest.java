package org.durableworkflow.impl.engine;

import org.durableworkflow.api.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {

    @Test
    void nestingUpToTheLimitPassesAndOneMoreIsRefused() {
        String atLimit = "[".repeat(3) + "]".repeat(3);
        assertEquals(atLimit, Inputs.depth("eventData", atLimit, 3));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Inputs.depth("eventData", "{\"a\":[[{}]]}", 3));
        assertTrue(e.getMessage().startsWith("DWF0217: eventData nests deeper than the limit of 3"), e.getMessage());
    }

    @Test
    void bracketsInsideStringsAndAfterEscapedQuotesDoNotCount() {
        String text = "{\"a\":\"[[[[\\\"{{{{\",\"b\":[1]}";
        assertEquals(text, Inputs.depth("input", text, 2));
    }

    @Test
    void depthFallsBackWhenArraysClose() {
        String siblings = "[[1],[2],[3],[[4]]]";
        assertEquals(siblings, Inputs.depth("input", siblings, 3));
        assertThrows(InvalidInputException.class, () -> Inputs.depth("input", siblings, 2));
    }

    @Test
    void hugeNestingIsRefusedWithoutRecursion() {
        String deep = "[".repeat(1_000_000);
        assertThrows(InvalidInputException.class, () -> Inputs.depth("input", deep, 64));
    }
}
