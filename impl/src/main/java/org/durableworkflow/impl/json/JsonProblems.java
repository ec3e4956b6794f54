package org.durableworkflow.impl.json;

/** The catalogue of the JSON codec's messages, each with its code. */
final class JsonProblems {

    private JsonProblems() {
    }

    /** Event data cannot be read as the type a wait asks for. */
    static String notValid(Class<?> type, String why) {
        return "DWF0300: the event data is not a valid " + type.getSimpleName() + ": " + why;
    }
}
