package org.durableworkflow.impl.security;

import org.durableworkflow.impl.config.WorkflowConfig;

/** The catalogue of the reasons a REST call is refused, each with its code. */
final class SecurityProblems {

    private SecurityProblems() {
    }

    /** Token authentication is on but the server has no token, so every remote call is refused. */
    static String noTokenConfigured() {
        return "DWF0800: no token is configured on the server (" + WorkflowConfig.PREFIX
                + "rest.token), so remote calls are refused";
    }

    /** The call has no bearer token. */
    static String bearerTokenRequired() {
        return "DWF0801: an Authorization: Bearer token is required";
    }

    /** The bearer token matches no configured token. */
    static String tokenNotValid() {
        return "DWF0802: the bearer token is not valid";
    }

    /** With container authentication, the caller is not authenticated. */
    static String notAuthenticated() {
        return "DWF0810: this call needs an authenticated caller; the application's security ("
                + WorkflowConfig.PREFIX + "rest.auth=container) found none";
    }

    /** With container authentication, the caller lacks the role the call needs. */
    static String roleMissing(String adminRole, String notifyRole, boolean notifyCall) {
        return "DWF0811: this call needs the role " + adminRole + (notifyCall ? " or " + notifyRole : "");
    }

    /** A notify token was used for a call that needs a management token. */
    static String notifyTokenOnly() {
        return "DWF0812: this token may only notify and read waiters; this call needs a " + WorkflowConfig.PREFIX
                + "rest.token";
    }

    /** A library endpoint was reached outside the library's own REST root. */
    static String outsideLibraryRoot() {
        return "DWF0813: not found; the library's endpoints are served under its own REST root only";
    }

    /** A library REST resource was called outside an HTTP request. */
    static String outsideHttpRequest() {
        return "DWF0814: a REST resource of the library was called outside an HTTP request; call the engine through"
                + " WorkflowClient instead";
    }
}
