package org.durableworkflow.impl.engine.run;

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

    @Test
    void anIdWithASpaceAtEitherEndIsRefusedOneWithSpacesInsideIsNot() {
        assertEquals("order 1324", Inputs.id("eventId", "order 1324", 100));
        for (String id : new String[]{"order-1 ", " order-1", "order-1\u2003"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.id("eventId", id, 100));
            assertTrue(e.getMessage().startsWith("DWF0218: eventId must not begin or end with a space"), id);
        }
    }

    @Test
    void aPayloadWithTheCharacterU0000IsRefused() {
        assertEquals("a b", Inputs.payload("eventData", "a b", 100));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Inputs.payload("eventData", "a\u0000b", 100));
        assertTrue(e.getMessage().startsWith("DWF0219: eventData must not contain the character U+0000"));
    }
}
