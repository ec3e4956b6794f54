package org.durableworkflow.impl.json;

import org.durableworkflow.api.exception.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {

    public record Delivery(String status, int parcels) {
    }

    private final JsonCodec codec = new JsonCodec();

    @Test
    void stringsTravelVerbatimAndEverythingElseAsJson() {
        assertEquals("plain text", codec.eventText("plain text"));
        assertEquals("{\"parcels\":2,\"status\":\"shipped\"}", codec.eventText(new Delivery("shipped", 2)));
        assertEquals("42", codec.eventText(42));
        assertNull(codec.eventText(null));
    }

    @Test
    void readsEventDataAsTheRequestedType() {
        assertEquals(new Delivery("shipped", 2), codec.readEvent("{\"status\":\"shipped\",\"parcels\":2}",
                Delivery.class));
        assertEquals(42, codec.readEvent("42", Integer.class));
        assertEquals("hello", codec.readEvent("\"hello\"", String.class));
        assertEquals("hello", codec.readEvent("hello", String.class));
        assertEquals("Paid in full", codec.readEvent("Paid in full", Object.class));
        assertNull(codec.readEvent("null", String.class));
        assertNull(codec.readEvent(null, Delivery.class));
        assertNull(codec.readEvent("", String.class));
    }

    @Test
    void plainTextThatBeginsLikeJsonComesBackWholeWhenAStringOrObjectIsAsked() {
        for (String text : List.of("123 Main St", "true story", "null or later", "\"quoted\" and more",
                "{\"a\":1} tail", "42abc", "[1, 2")) {
            assertEquals(text, codec.readEvent(text, String.class), text);
            assertEquals(text, codec.readEvent(text, Object.class), text);
        }
        assertEquals("spaced", codec.readEvent(" \"spaced\"\n", String.class));
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.valueOf(2)), codec.readEvent("[1, 2]", Object.class));
        assertEquals(new BigDecimal("42"), codec.readEvent("42", Object.class));
    }

    @Test
    void oneJsonValueIsTheWholeTextNestedOrNotAndNothingMalformed() {
        for (String one : List.of("{\"a\":[1,{\"b\":[]}],\"c\":{}}", " [ [1], [2, [3]] ]\n", "\"x\"", "-1.5e3",
                "null", "{}")) {
            assertTrue(JsonCodec.isOneJsonValue(one), one);
        }
        for (String notOne : List.of("{\"a\":[1,{\"b\":[]}]} x", "[] []", "{\"a\" 1}", "[1,]", "{\"a\":{\"b\":1}",
                "[1, 2", "{\"a\":1,}", " }", " ]", " ] [", "")) {
            assertFalse(JsonCodec.isOneJsonValue(notOne), notOne);
        }
    }

    @Test
    void jsonThatIsNotAStringComesBackRawWhenAStringIsAsked() {
        assertEquals("{\"a\":1}", codec.readEvent("{\"a\":1}", String.class));
        assertInstanceOf(Map.class, codec.readEvent("{\"a\":1}", Object.class));
    }

    @Test
    void dataThatCannotBeReadAsTheTypeIsRefusedNamingTheType() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> codec.readEvent("[1, 2]", Delivery.class));
        assertTrue(e.getMessage().startsWith("DWF0300"), e.getMessage());
        assertTrue(e.getMessage().contains("Delivery"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> codec.readEvent("not json", Integer.class));
        InvalidInputException trailing = assertThrows(InvalidInputException.class,
                () -> codec.readEvent("{\"status\":\"shipped\",\"parcels\":2} and more", Delivery.class));
        assertTrue(trailing.getMessage().contains("not one JSON value"), trailing.getMessage());
        assertThrows(InvalidInputException.class, () -> codec.readEvent("12 parcels", Integer.class));
    }

    @Test
    void stepResultsComeBackWithTheirGenericType() {
        Type listOfDeliveries = new ArrayList<Delivery>() {
        }.getClass().getGenericSuperclass();
        String json = codec.toJson(List.of(new Delivery("a", 1), new Delivery("b", 2)));

        List<?> back = (List<?>) codec.fromJson(json, listOfDeliveries);

        assertEquals(List.of(new Delivery("a", 1), new Delivery("b", 2)), back);
        assertNull(codec.fromJson(null, String.class));
        assertNull(codec.fromJson("\"x\"", void.class));
    }
}
