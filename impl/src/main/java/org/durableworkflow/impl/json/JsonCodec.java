package org.durableworkflow.impl.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import org.durableworkflow.api.exception.InvalidInputException;

import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Turns step results, inputs and event data into stored text and back. Step results and inputs are JSON; event data
 * is stored as it arrived, because the Upstash client sends strings verbatim.
 */
public final class JsonCodec {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final Jsonb jsonb = JsonbBuilder.create();

    /** JSON of {@code value}, or {@code null} for {@code null}. */
    public String toJson(Object value) {
        return value == null ? null : jsonb.toJson(value);
    }

    /** Reads JSON written by {@link #toJson} as {@code type} (generic types allowed). */
    public Object fromJson(String json, Type type) {
        if (json == null || type == void.class || type == Void.class) {
            return null;
        }
        return jsonb.fromJson(json, type);
    }

    /** Event data as it is stored: a string verbatim, anything else as JSON, {@code null} as no data. */
    public String eventText(Object eventData) {
        if (eventData == null) {
            return null;
        }
        return eventData instanceof String s ? s : jsonb.toJson(eventData);
    }

    /**
     * Reads stored event text as {@code type}: JSON when it is JSON; the raw text when the type is {@link String} or
     * {@link Object} and it is not JSON of that type.
     *
     * @throws InvalidInputException when the text cannot be read as {@code type}
     */
    public <T> T readEvent(String text, Class<T> type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!isOneJsonValue(text)) {
            if (type == String.class || type == Object.class) {
                return type.cast(text); // plain text, as the Upstash client sends a string: "123 Main St" stays whole
            }
            throw new InvalidInputException(JsonProblems.notValid(type, "it is not one JSON value"));
        }
        try {
            return jsonb.fromJson(text, type);
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            if (type == String.class || type == Object.class) {
                return type.cast(text);
            }
            throw new InvalidInputException(JsonProblems.notValid(type, rootMessage(e)));
        }
    }

    /**
     * Whether {@code text} is one JSON value and nothing else but whitespace. JSON-B reads the first value and
     * ignores what follows, which would turn the plain text "123 Main St" into "123" and "null or later" into null.
     * The parser's events are only counted, not built into a value: JSON-B reads the text again anyway.
     */
    public static boolean isOneJsonValue(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if ("\"{[-0123456789tfn".indexOf(text.charAt(0)) < 0 && !Character.isWhitespace(text.charAt(0))) {
            return false; // most plain text: no parser needed
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            int depth = 0;
            do {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // a key or a value inside, or the one value
                    }
                }
            } while (depth > 0);
            return depth == 0 && !parser.hasNext();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) : m;
    }
}
