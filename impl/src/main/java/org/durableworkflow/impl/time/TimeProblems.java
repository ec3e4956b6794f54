package org.durableworkflow.impl.time;

/** The catalogue of the durations' messages, each with its code. */
final class TimeProblems {

    private TimeProblems() {
    }

    /** A text is not a duration in any form the library reads. */
    static String notDuration(String text) {
        return "DWF0200: '" + text + "' is not a duration; use 30s, 10m, 2h, 7d,"
                + " a number of seconds or ISO-8601 such as PT10M";
    }

    /** A timeout is zero or negative. */
    static String notPositive(Object shownAs) {
        return "DWF0201: a timeout must be positive, got '" + shownAs + "'";
    }

    /** A duration is longer than 100 years. */
    static String tooLong(Object shownAs) {
        return "DWF0202: a duration must be at most 36500d (100 years), got '" + shownAs + "'";
    }
}
