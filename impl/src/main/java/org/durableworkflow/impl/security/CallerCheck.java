package org.durableworkflow.impl.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.durableworkflow.impl.config.WorkflowConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a caller may make a call: with {@code Authorization: Bearer <token>} naming one of the configured
 * tokens, a {@code rest.token} for every call, a {@code rest.notify-token} for the {@link NotifyCall notify calls}
 * only. Tokens are compared as SHA-256 digests in constant time; with none configured every call is refused, unless
 * {@code durable-workflow.rest.auth=none} was set on purpose. With {@code rest.auth=container} the container
 * authenticates callers instead, and their roles decide.
 */
@ApplicationScoped
public class CallerCheck {

    private WorkflowConfig config;
    private List<byte[]> managementDigests;
    private List<byte[]> notifyDigests;

    /** For CDI's proxy. */
    protected CallerCheck() {
    }

    @Inject
    public CallerCheck(WorkflowConfig config) {
        this.config = config;
    }

    @PostConstruct
    void digestTokens() {
        managementDigests = digests(config.restTokens());
        notifyDigests = digests(config.notifyTokens());
    }

    /** Why {@code caller} may not make a call, {@code notifyCall} or not; empty when it may. */
    public Optional<Refusal> refusal(Caller caller, boolean notifyCall) {
        if (config.restAuthNone()) {
            return Optional.empty();
        }
        if (config.restAuthContainer()) {
            return byRole(caller, notifyCall);
        }
        if (config.restTokens().isEmpty() && config.notifyTokens().isEmpty()) {
            return Optional.of(new Refusal(401, SecurityProblems.noTokenConfigured()));
        }
        String header = caller.authorization();
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new Refusal(401, SecurityProblems.bearerTokenRequired()));
        }
        byte[] given = sha256(header.substring(7).trim());
        if (matchesAny(given, managementDigests)) {
            return Optional.empty();
        }
        if (!matchesAny(given, notifyDigests)) {
            return Optional.of(new Refusal(401, SecurityProblems.tokenNotValid()));
        }
        return notifyCall ? Optional.empty() : Optional.of(new Refusal(403, SecurityProblems.notifyTokenOnly()));
    }

    /**
     * Why {@code caller} may not load a static file of the console ({@link ConsoleFile}); empty when it may. With
     * tokens, anyone may: the files hold no data, and the page asks for the token its API calls carry. With
     * container security, the admin role is needed, as for every management call.
     */
    public Optional<Refusal> consoleFileRefusal(Caller caller) {
        return config.restAuthContainer() ? byRole(caller, false) : Optional.empty();
    }

    /**
     * With {@code rest.auth=container}: the container authenticated the caller (MicroProfile JWT, a login
     * configuration with its security constraint); the library checks the caller's role for the call.
     */
    private Optional<Refusal> byRole(Caller caller, boolean notifyCall) {
        if (!caller.authenticated()) {
            return Optional.of(new Refusal(401, SecurityProblems.notAuthenticated()));
        }
        if (caller.inRole().test(config.adminRole()) || notifyCall && caller.inRole().test(config.notifyRole())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(403, SecurityProblems.roleMissing(config.adminRole(), config.notifyRole(),
                notifyCall)));
    }

    /** Compares with every digest, so that the time taken does not tell which one matched, or how far. */
    private static boolean matchesAny(byte[] given, List<byte[]> digests) {
        boolean known = false;
        for (byte[] digest : digests) {
            known |= MessageDigest.isEqual(given, digest);
        }
        return known;
    }

    private static List<byte[]> digests(List<String> tokens) {
        return tokens.stream().map(CallerCheck::sha256).toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
