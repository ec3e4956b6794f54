package org.durableworkflow.impl.security;

import java.util.function.Predicate;

/**
 * What a call tells about its caller: the {@code Authorization} header, and who the container authenticated.
 *
 * @param authorization the header's value, or {@code null}
 * @param authenticated whether the container authenticated the caller
 * @param inRole        whether the authenticated caller has a role
 */
public record Caller(String authorization, boolean authenticated, Predicate<String> inRole) {
}
