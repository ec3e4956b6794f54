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
            throw new InvalidInputException(RunProblems.idEmpty(what));
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(RunProblems.idTooLong(what, value.length(), maxLength));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(RunProblems.idControlCharacters(what));
        }
        // Derby compares text padded with spaces: "order-1 " would find the run or waiter of "order-1"
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new InvalidInputException(RunProblems.idSpaceAtEnd(what));
        }
        return value;
    }

    /** Checks a step or workflow name: not blank, at most 200 characters. */
    public static String name(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(RunProblems.nameEmpty(what));
        }
        if (value.length() > 200) {
            throw new InvalidInputException(RunProblems.nameTooLong(what));
        }
        return value;
    }

    /**
     * Checks that stored text fits the payload limit, counted in UTF-8 bytes, and holds no character U+0000, which
     * PostgreSQL cannot store in text (JSON escapes it; event data sent as a string would carry it as it is).
     */
    public static String payload(String what, String text, int maxBytes) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(RunProblems.payloadNul(what));
        }
        if (text != null && text.length() * 3L > maxBytes
                && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new InvalidInputException(RunProblems.payloadTooLarge(what, maxBytes));
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
                throw new InvalidInputException(RunProblems.tooDeep(what, maxDepth));
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return text;
    }
}
