package org.durableworkflow.impl.engine.run;

/** The catalogue of the run's messages: checks on ids and payloads, the current run, crash points. */
final class RunProblems {

    private RunProblems() {
    }

    /** A workflow-only operation was called outside an executing run. */
    static String notInRun(String operation) {
        return "DWF0100: " + operation + " can only be called from a @Workflow method while its run executes";
    }

    /** An id is null or blank. */
    static String idEmpty(String what) {
        return "DWF0210: " + what + " must not be empty";
    }

    /** An id is longer than its limit. */
    static String idTooLong(String what, int length, int maxLength) {
        return "DWF0211: " + what + " is " + length + " characters long; the limit is " + maxLength;
    }

    /** An id holds a control character. */
    static String idControlCharacters(String what) {
        return "DWF0212: " + what + " must not contain control characters";
    }

    /** An id begins or ends with white space. */
    static String idSpaceAtEnd(String what) {
        return "DWF0218: " + what + " must not begin or end with a space";
    }

    /** A step or workflow name is null or blank. */
    static String nameEmpty(String what) {
        return "DWF0213: " + what + " must not be empty";
    }

    /** A step or workflow name is longer than 200 characters. */
    static String nameTooLong(String what) {
        return "DWF0214: " + what + " is longer than 200 characters";
    }

    /** A payload holds the character U+0000, which PostgreSQL cannot store in text. */
    static String payloadNul(String what) {
        return "DWF0219: " + what + " must not contain the character U+0000";
    }

    /** A payload is larger than its limit in UTF-8 bytes. */
    static String payloadTooLarge(String what, int maxBytes) {
        return "DWF0215: " + what + " is larger than the limit of " + maxBytes + " bytes";
    }

    /** JSON text nests deeper than its limit. */
    static String tooDeep(String what, int maxDepth) {
        return "DWF0217: " + what + " nests deeper than the limit of " + maxDepth;
    }

    /** The log line of a crash test halting the JVM at an armed point. */
    static String crashPointReached(String point) {
        return "DWF0900: crash point " + point + " reached: halting the JVM as a crash test asked";
    }

    /** A run made as many durable calls as a run may make. */
    static String tooManyCalls(String runId, int most) {
        return "DWF0108: run " + runId + " made " + most + " durable calls, the most a run may make; continue in a"
                + " new run (start one with what this one has)";
    }
}
