package org.durableworkflow.peers.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top level of a JSON object: strings, numbers, booleans and nulls. A nested object or array is skipped,
 * so a result file written by another tool still charts the keys it shares.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    static Map<String, Object> parse(String text) {
        return new FlatJson(text).object();
    }

    private Map<String, Object> object() {
        Map<String, Object> values = new LinkedHashMap<>();
        expect('{');
        while (peek() != '}') {
            String key = string();
            expect(':');
            values.put(key, value());
            if (peek() == ',') at++;
        }
        return values;
    }

    private Object value() {
        char c = peek();
        if (c == '"') return string();
        if (c == '{' || c == '[') return skipNested();
        int start = at;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) at++;
        String word = text.substring(start, at);
        return switch (word) {
            case "null" -> null;
            case "true", "false" -> Boolean.valueOf(word);
            default -> Double.valueOf(word);
        };
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c == '\\') {
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                } else {
                    s.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> escaped;
                    });
                }
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Skips a nested object or array, strings inside it included; it is not charted. */
    private Object skipNested() {
        int depth = 0;
        do {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') depth++;
            if (c == '}' || c == ']') depth--;
            at++;
        } while (depth > 0);
        return null;
    }

    private char peek() {
        while (Character.isWhitespace(text.charAt(at))) at++;
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at " + at);
        at++;
    }
}
