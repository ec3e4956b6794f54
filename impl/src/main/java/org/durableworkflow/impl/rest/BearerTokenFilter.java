package org.durableworkflow.impl.rest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import org.durableworkflow.impl.config.WorkflowConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Lets a request in only with {@code Authorization: Bearer <token>} naming one of the configured tokens: a
 * {@code rest.token} for every call, a {@code rest.notify-token} for the Upstash calls only (notify and waiters).
 * Tokens are compared as SHA-256 digests in constant time; with none configured every request is refused, unless
 * {@code durable-workflow.rest.auth=none} was set on purpose. With {@code rest.auth=container} the container
 * authenticates callers instead, and their roles decide.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    /** The paths a notify token may call: Upstash's. */
    private static final String NOTIFY_PATHS = "v2/";

    @Inject
    WorkflowConfig config;

    private List<byte[]> managementDigests;
    private List<byte[]> notifyDigests;

    @PostConstruct
    void digestTokens() {
        managementDigests = digests(config.restTokens());
        notifyDigests = digests(config.notifyTokens());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (config.restAuthNone()) {
            return;
        }
        if (config.restAuthContainer()) {
            authorizeByRole(request);
            return;
        }
        if (config.restTokens().isEmpty() && config.notifyTokens().isEmpty()) {
            request.abortWith(ApiError.response(401, "DWF0800: no token is configured on the server ("
                    + WorkflowConfig.PREFIX + "rest.token), so remote calls are refused"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(ApiError.response(401, "DWF0801: an Authorization: Bearer token is required"));
            return;
        }
        byte[] given = sha256(header.substring(7).trim());
        if (matchesAny(given, managementDigests)) {
            return;
        }
        if (!matchesAny(given, notifyDigests)) {
            request.abortWith(ApiError.response(401, "DWF0802: the bearer token is not valid"));
        } else if (!isNotifyPath(request)) {
            request.abortWith(ApiError.response(403, "DWF0812: this token may only notify and read waiters;"
                    + " this call needs a " + WorkflowConfig.PREFIX + "rest.token"));
        }
    }

    /**
     * With {@code rest.auth=container}: the container authenticated the caller (MicroProfile JWT, a login
     * configuration with its security constraint); the library checks the caller's role for the path.
     */
    private void authorizeByRole(ContainerRequestContext request) {
        SecurityContext caller = request.getSecurityContext();
        if (caller == null || caller.getUserPrincipal() == null) {
            request.abortWith(ApiError.response(401, "DWF0810: this call needs an authenticated caller; the"
                    + " application's security (" + WorkflowConfig.PREFIX + "rest.auth=container) found none"));
        } else if (!caller.isUserInRole(config.adminRole())
                && !(isNotifyPath(request) && caller.isUserInRole(config.notifyRole()))) {
            request.abortWith(ApiError.response(403, "DWF0811: this call needs the role " + config.adminRole()
                    + (isNotifyPath(request) ? " or " + config.notifyRole() : "")));
        }
    }

    private static boolean isNotifyPath(ContainerRequestContext request) {
        return request.getUriInfo().getPath().replaceFirst("^/", "").startsWith(NOTIFY_PATHS);
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
        return tokens.stream().map(BearerTokenFilter::sha256).toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
