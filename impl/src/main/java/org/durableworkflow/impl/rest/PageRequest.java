package org.durableworkflow.impl.rest;

/**
 * A page of a listing, from the query parameters {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE},
 * default {@value #DEFAULT_SIZE}). Anything else is the caller's 400, not JAX-RS's 404 for a parameter it cannot
 * convert.
 */
record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static PageRequest of(String page, String size) {
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageRequest(p, s);
    }

    int offset() {
        return page * size;
    }

    private static int number(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.exception(400, RestProblems.notWholeNumber(name, min, max));
    }
}
