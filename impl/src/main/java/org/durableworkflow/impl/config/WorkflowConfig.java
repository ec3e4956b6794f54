package org.durableworkflow.impl.config;

import org.durableworkflow.api.exception.InvalidInputException;
import org.durableworkflow.impl.store.RunEntity;
import org.durableworkflow.impl.time.Durations;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the library, read once from MicroProfile Config under the prefix {@value #PREFIX}. The README's
 * configuration table lists the same keys, types and defaults.
 */
public final class WorkflowConfig {

    public static final String PREFIX = "durable-workflow.";

    private final List<String> restTokens;
    private final List<String> notifyTokens;
    private final boolean restAuthNone;
    private final boolean restAuthContainer;
    private final String adminRole;
    private final String notifyRole;
    private final Optional<String> publicUrl;
    private final Duration defaultWaitTimeout;
    private final int maxPayloadBytes;
    private final int maxIdLength;
    private final int maxJsonDepth;
    private final String executorJndiName;
    private final int executorBacklog;
    private final boolean executesInCaller;
    private final Duration lease;
    private final Duration recoveryInterval;
    private final Duration timerWindow;
    private final String serverId;
    private final Duration eventRetention;
    private final Duration lookbackRetention;
    private final Duration runRetention;

    /** Reads the application's MicroProfile Config. */
    public static WorkflowConfig fromMicroProfile() {
        Config config = ConfigProvider.getConfig();
        return new WorkflowConfig(key -> config.getOptionalValue(PREFIX + key, String.class));
    }

    /** Reads settings through {@code lookup}, a function of the key without prefix; absent keys take defaults. */
    public WorkflowConfig(Function<String, Optional<String>> lookup) {
        restTokens = tokens(lookup.apply("rest.token"));
        notifyTokens = tokens(lookup.apply("rest.notify-token"));
        String auth = lookup.apply("rest.auth").orElse("token").trim();
        if (!List.of("token", "none", "container").contains(auth)) {
            throw new IllegalArgumentException("DWF0400: " + PREFIX + "rest.auth must be 'token', 'container' or"
                    + " 'none', got '"
                    + auth + "'");
        }
        restAuthNone = auth.equals("none");
        restAuthContainer = auth.equals("container");
        adminRole = lookup.apply("rest.admin-role").orElse("durable-workflow-admin").trim();
        notifyRole = lookup.apply("rest.notify-role").orElse("durable-workflow-notify").trim();
        publicUrl = lookup.apply("rest.public-url").map(WorkflowConfig::stripSlash);
        defaultWaitTimeout = duration(lookup, "wait.default-timeout", "7d");
        maxPayloadBytes = positiveInt(lookup, "limits.payload-bytes", 1_048_576);
        maxIdLength = positiveInt(lookup, "limits.id-length", 256);
        if (maxIdLength > RunEntity.ID_LENGTH) { // the columns' width: a longer id could not be stored
            throw new IllegalArgumentException("DWF0401: " + PREFIX + "limits.id-length must be at most "
                    + RunEntity.ID_LENGTH + ", got " + maxIdLength);
        }
        maxJsonDepth = positiveInt(lookup, "limits.json-depth", 64);
        executorJndiName = lookup.apply("executor").orElse("java:comp/DefaultManagedExecutorService");
        executorBacklog = lookup.apply("executor.backlog").map(String::trim).filter("off"::equals).isPresent()
                ? Integer.MAX_VALUE : positiveInt(lookup, "executor.backlog", 16);
        executesInCaller = bool(lookup, "executor.in-caller", true);
        lease = duration(lookup, "lease", "60s");
        recoveryInterval = duration(lookup, "recovery-interval", "10s");
        timerWindow = duration(lookup, "timer-window", "1s");
        if (timerWindow.toMillis() < 1) {
            throw new IllegalArgumentException("DWF0401: " + PREFIX + "timer-window must be at least 1ms, got "
                    + timerWindow);
        }
        if (lease.compareTo(recoveryInterval.multipliedBy(2)) < 0) {
            // leases are renewed once an interval: one no longer than two would lapse while its run executes
            throw new IllegalArgumentException("DWF0401: " + PREFIX + "lease (" + lease + ") must be at least twice "
                    + PREFIX + "recovery-interval (" + recoveryInterval + ")");
        }
        serverId = lookup.apply("server-id").orElseGet(WorkflowConfig::defaultServerId);
        if (serverId.isBlank() || serverId.length() > RunEntity.OWNER_LENGTH) {
            throw new IllegalArgumentException("DWF0401: " + PREFIX + "server-id must be 1 to "
                    + RunEntity.OWNER_LENGTH + " characters, got " + serverId.length());
        }
        eventRetention = durationOrOff(lookup, "events.retention");
        lookbackRetention = duration(lookup, "events.lookback-retention", "7d");
        runRetention = durationOrOff(lookup, "runs.retention");
    }

    private static List<String> tokens(Optional<String> commaSeparated) {
        return commaSeparated
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String key, boolean fallback) {
        String text = lookup.apply(key).map(String::trim).orElse(String.valueOf(fallback));
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("DWF0401: " + PREFIX + key + " must be true or false, got '"
                    + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static int positiveInt(Function<String, Optional<String>> lookup, String key, int fallback) {
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
        throw new IllegalArgumentException("DWF0401: " + PREFIX + key + " must be a positive integer, got '"
                + text + "'");
    }

    private static Duration duration(Function<String, Optional<String>> lookup, String key, String fallback) {
        String text = lookup.apply(key).orElse(fallback);
        try {
            return Durations.parse(text);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("DWF0401: " + PREFIX + key + " must be a duration such as 10s, got '"
                    + text + "'", e);
        }
    }

    private static Duration durationOrOff(Function<String, Optional<String>> lookup, String key) {
        String trimmed = lookup.apply(key).orElse("off").trim();
        return trimmed.equals("off") || trimmed.matches("0+[smhd]?") ? Duration.ZERO
                : duration(lookup, key, trimmed);
    }

    private static String defaultServerId() {
        String server = System.getProperty("wlp.server.name", "server");
        try {
            return server + "@" + InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return server + "@localhost";
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Bearer tokens accepted by the REST resources; empty when none is configured. */
    public List<String> restTokens() {
        return restTokens;
    }

    /**
     * Whether the container authenticates REST callers ({@code rest.auth=container}) and the library checks their
     * roles, {@link #adminRole()} or {@link #notifyRole()}, instead of bearer tokens.
     */
    public boolean restAuthContainer() {
        return restAuthContainer;
    }

    /** The container role that may make every REST call. */
    public String adminRole() {
        return adminRole;
    }

    /** The container role that may make the Upstash calls only (notify and waiters). */
    public String notifyRole() {
        return notifyRole;
    }

    /** Bearer tokens accepted only by the Upstash endpoints ({@code /v2/notify}, {@code /v2/waiters}). */
    public List<String> notifyTokens() {
        return notifyTokens;
    }

    /** Whether REST authentication was switched off explicitly ({@code rest.auth=none}). */
    public boolean restAuthNone() {
        return restAuthNone;
    }

    /** {@code rest.public-url}, when set: the REST root as others reach it ({@link RestRoot} otherwise). */
    public Optional<String> publicUrl() {
        return publicUrl;
    }

    public Duration defaultWaitTimeout() {
        return defaultWaitTimeout;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public int maxIdLength() {
        return maxIdLength;
    }

    /** How deep event data and input may nest arrays and objects. */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    public String executorJndiName() {
        return executorJndiName;
    }

    /**
     * How many executions may wait for the executor before a notify's caller executes the run it resumed itself,
     * after its commit; {@link Integer#MAX_VALUE} when {@code off}.
     */
    public int executorBacklog() {
        return executorBacklog;
    }

    /**
     * Whether a start or a notify made outside any transaction executes the run it started or resumed on its own
     * thread, in its own transaction, through the run's transactional steps (README, {@code executor.in-caller}).
     */
    public boolean executesInCaller() {
        return executesInCaller;
    }

    public Duration lease() {
        return lease;
    }

    public Duration recoveryInterval() {
        return recoveryInterval;
    }

    /** The width of a window of wait deadlines that share one persistent timer; the same on every server. */
    public Duration timerWindow() {
        return timerWindow;
    }

    /** How long a notify that found no waiter is kept for a wait registered later; zero: not kept. */
    public Duration eventRetention() {
        return eventRetention;
    }

    /** How long a lookback notify (one with a run id) is kept for its run at most. */
    public Duration lookbackRetention() {
        return lookbackRetention;
    }

    /** How long a run that ended is kept, with its journal and waiters, before it is deleted; zero: for good. */
    public Duration runRetention() {
        return runRetention;
    }

    /** This server's stable identity as a lease owner; the same across restarts of the same server. */
    public String serverId() {
        return serverId;
    }
}
