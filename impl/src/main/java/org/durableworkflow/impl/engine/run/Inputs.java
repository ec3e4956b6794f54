package org.durableworkflow.impl.engine.run;

import org.durableworkflow.api.exception.InvalidInputException;

import java.nio.charset.StandardCharsets;

/** Checks on ids and payloads shared by the Java API and the REST resources; each failure names the limit. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Checks an event id or run id: not blank, at most {@code maxLength} characters, no control characters, no space
     * at either end.
     *
     * @throws InvalidInputException otherwise
     */
    public static String id(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("DWF0210: " + what + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException("DWF0211: " + what + " is " + value.length()
                    + " characters long; the limit is " + maxLength);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("DWF0212: " + what + " must not contain control characters");
        }
        // Derby compares text padded with spaces: "order-1 " would find the run or waiter of "order-1"
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new InvalidInputException("DWF0218: " + what + " must not begin or end with a space");
        }
        return value;
    }

    /** Checks a step or workflow name: not blank, at most 200 characters. */
    public static String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("DWF0213: " + what + " must not be empty");
        }
        if (value.length() > 200) {
            throw new InvalidInputException("DWF0214: " + what + " is longer than 200 characters");
        }
        return value;
    }

    /**
     * Checks that stored text fits the payload limit, counted in UTF-8 bytes, and holds no character U+0000, which
     * PostgreSQL cannot store in text (JSON escapes it; event data sent as a string would carry it as it is).
     */
    public static String payload(String what, String text, int maxBytes) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("DWF0219: " + what + " must not contain the character U+0000");
        }
        if (text != null && text.length() * 3L > maxBytes
                && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new InvalidInputException("DWF0215: " + what + " is larger than the limit of " + maxBytes
                    + " bytes");
        }
        return text;
    }

    /**
     * Checks that JSON text (or any text: brackets inside JSON strings do not count) nests no deeper than
     * {@code maxDepth}, before a parser recurses into it.
     */
    public static String depth(String what, String text, int maxDepth) {
        if (text == null) {
            return null;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == '[' || c == '{') && ++depth > maxDepth) {
                throw new InvalidInputException("DWF0217: " + what + " nests deeper than the limit of " + maxDepth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return text;
    }
}
