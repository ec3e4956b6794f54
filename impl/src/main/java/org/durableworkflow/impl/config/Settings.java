package org.durableworkflow.impl.config;

import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.time.Durations;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed settings by key (without prefix) for {@link WorkflowConfig}; a bad value fails with its key named. */
final class Settings {

    private final Function<String, Optional<String>> lookup;

    Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    Optional<String> text(String key) {
        return lookup.apply(key);
    }

    List<String> tokens(String key) {
        return lookup.apply(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
    }

    boolean bool(String key, boolean fallback) {
        String text = lookup.apply(key).map(String::trim).orElse(String.valueOf(fallback));
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(ConfigProblems.notBoolean(key, text));
        }
        return Boolean.parseBoolean(text);
    }

    int positiveInt(String key, int fallback) {
        String text = lookup.apply(key).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(ConfigProblems.notPositiveInt(key, text));
    }

    Duration duration(String key, String fallback) {
        String text = lookup.apply(key).orElse(fallback);
        try {
            return Durations.parse(text);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(ConfigProblems.notDuration(key, text), e);
        }
    }

    Duration durationOrOff(String key) {
        String trimmed = lookup.apply(key).orElse("off").trim();
        return trimmed.equals("off") || trimmed.matches("0+[smhd]?") ? Duration.ZERO : duration(key, trimmed);
    }

    /** The system properties servers name themselves by: Liberty's, WildFly's, Payara's. */
    private static final List<String> SERVER_NAMES = List.of("wlp.server.name", "jboss.node.name",
            "com.sun.aas.instanceName");

    static String defaultServerId() {
        String server = SERVER_NAMES.stream().map(System::getProperty).filter(Objects::nonNull).findFirst()
                .orElse("server");
        try {
            return server + "@" + InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return server + "@localhost";
        }
    }
}
