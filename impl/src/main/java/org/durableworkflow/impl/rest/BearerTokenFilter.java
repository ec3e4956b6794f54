package org.durableworkflow.impl.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.durableworkflow.impl.config.WorkflowConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Lets a request in only with {@code Authorization: Bearer <token>} naming one of the configured tokens. Tokens are
 * compared as SHA-256 digests in constant time; with none configured every request is refused, unless
 * {@code durable-workflow.rest.auth=none} was set on purpose.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    @Inject
    WorkflowConfig config;

    private volatile List<byte[]> digests;

    @Override
    public void filter(ContainerRequestContext request) {
        if (config.restAuthNone()) {
            return;
        }
        if (config.restTokens().isEmpty()) {
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
        boolean known = false;
        for (byte[] digest : digests()) {
            known |= MessageDigest.isEqual(given, digest);
        }
        if (!known) {
            request.abortWith(ApiError.response(401, "DWF0802: the bearer token is not valid"));
        }
    }

    private List<byte[]> digests() {
        if (digests == null) {
            digests = config.restTokens().stream().map(BearerTokenFilter::sha256).toList();
        }
        return digests;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
