package org.durableworkflow.impl.time;

import org.durableworkflow.api.exception.InvalidInputException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the anchor's duration strings: {@code "30s"}, {@code "10m"}, {@code "2h"}, {@code "7d"}, plain seconds. */
public final class Durations {

    /** The longest duration taken: 100 years. */
    public static final Duration LONGEST = Duration.ofDays(36_500);

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,12})([smhd]?)");

    private Durations() {
    }

    /**
     * Parses {@code text}; also accepts ISO-8601 ({@code PT10M}).
     *
     * @throws InvalidInputException when the text is none of these forms or not positive
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text);
        }
        String trimmed = text.trim();
        Matcher m = SHORT_FORM.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
            return requirePositive(d, text);
        }
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            try {
                return requirePositive(Duration.parse(trimmed), text);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    /**
     * Checks that {@code d} is positive and at most {@link #LONGEST}: a deadline must stay a number of milliseconds
     * (so {@code Duration.ofMillis(Long.MAX_VALUE)} for "forever" is refused instead of wrapping to a past deadline).
     */
    public static Duration requirePositive(Duration d, Object shownAs) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidInputException(TimeProblems.notPositive(shownAs));
        }
        if (d.compareTo(LONGEST) > 0) {
            throw new InvalidInputException(TimeProblems.tooLong(shownAs));
        }
        return d;
    }

    private static InvalidInputException invalid(String text) {
        return new InvalidInputException(TimeProblems.notDuration(text));
    }
}
