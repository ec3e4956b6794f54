package org.durableworkflow.impl.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the library, read once from MicroProfile Config under the prefix {@value #PREFIX};
 * docs/configuration.md lists the same keys, types and defaults.
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
    private final Duration shutdownGrace;
    private final boolean consoleEnabled;
    private final boolean metricsEnabled;

    /** Reads the application's MicroProfile Config. */
    public static WorkflowConfig fromMicroProfile() {
        Config config = ConfigProvider.getConfig();
        return new WorkflowConfig(key -> config.getOptionalValue(PREFIX + key, String.class));
    }

    /** Reads settings through {@code lookup}, a function of the key without prefix; absent keys take defaults. */
    public WorkflowConfig(Function<String, Optional<String>> lookup) {
        Settings settings = new Settings(lookup);
        restTokens = settings.tokens("rest.token");
        notifyTokens = settings.tokens("rest.notify-token");
        String auth = settings.text("rest.auth").orElse("token").trim();
        if (!List.of("token", "none", "container").contains(auth)) {
            throw new IllegalArgumentException(ConfigProblems.restAuth(auth));
        }
        restAuthNone = auth.equals("none");
        restAuthContainer = auth.equals("container");
        adminRole = settings.text("rest.admin-role").orElse("durable-workflow-admin").trim();
        notifyRole = settings.text("rest.notify-role").orElse("durable-workflow-notify").trim();
        publicUrl = lookup.apply("rest.public-url").map(WorkflowConfig::stripSlash);
        defaultWaitTimeout = settings.duration("wait.default-timeout", "7d");
        maxPayloadBytes = settings.positiveInt("limits.payload-bytes", 1_048_576);
        maxIdLength = settings.positiveInt("limits.id-length", 256);
        if (maxIdLength > ColumnWidths.RUN_ID) { // the columns' width: a longer id could not be stored
            throw new IllegalArgumentException(ConfigProblems.idLengthTooLong(maxIdLength));
        }
        maxJsonDepth = settings.positiveInt("limits.json-depth", 64);
        executorJndiName = settings.text("executor").orElse("java:comp/DefaultManagedExecutorService");
        executorBacklog = settings.text("executor.backlog").map(String::trim).filter("off"::equals).isPresent()
                ? Integer.MAX_VALUE : settings.positiveInt("executor.backlog", 16);
        executesInCaller = settings.bool("executor.in-caller", true);
        lease = settings.duration("lease", "60s");
        recoveryInterval = settings.duration("recovery-interval", "10s");
        timerWindow = settings.duration("timer-window", "1s");
        if (timerWindow.toMillis() < 1) {
            throw new IllegalArgumentException(ConfigProblems.timerWindowTooShort(timerWindow));
        }
        if (lease.compareTo(recoveryInterval.multipliedBy(2)) < 0) {
            // leases are renewed once an interval: one no longer than two would lapse while its run executes
            throw new IllegalArgumentException(ConfigProblems.leaseTooShort(lease, recoveryInterval));
        }
        serverId = settings.text("server-id").orElseGet(Settings::defaultServerId);
        if (serverId.isBlank() || serverId.length() > ColumnWidths.LEASE_OWNER) {
            throw new IllegalArgumentException(ConfigProblems.serverIdLength(serverId.length()));
        }
        eventRetention = settings.durationOrOff("events.retention");
        lookbackRetention = settings.duration("events.lookback-retention", "7d");
        runRetention = settings.durationOrOff("runs.retention");
        shutdownGrace = settings.duration("shutdown.grace", "10s");
        consoleEnabled = settings.bool("console.enabled", true);
        metricsEnabled = settings.bool("metrics.enabled", true);
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
     * thread, in its own transaction, through the run's transactional steps (docs/configuration.md, {@code executor.in-caller}).
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

    /** Whether the engine records metrics, when the server gives the application a metrics API (docs/metrics.md). */
    public boolean metricsEnabled() {
        return metricsEnabled;
    }

    /** This server's stable identity as a lease owner; the same across restarts of the same server. */
    public String serverId() {
        return serverId;
    }

    /** How long executions under way may go on once the application stops, before this server lets go of the rest. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** Whether the web console is served under the REST root ({@code console.enabled}); when not, it answers 404. */
    public boolean consoleEnabled() {
        return consoleEnabled;
    }
}
