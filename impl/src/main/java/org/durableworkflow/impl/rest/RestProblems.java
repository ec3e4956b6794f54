package org.durableworkflow.impl.rest;

import org.durableworkflow.api.RunStatus;
import org.durableworkflow.impl.config.WorkflowConfig;

import java.util.Arrays;

/** The catalogue of the REST answers' and log lines' messages, each with its code. */
final class RestProblems {

    /** The code of an input or body over its size limit, answered 413. */
    private static final String TOO_LARGE = "DWF0215";
    private static final String DATABASE_UNAVAILABLE = "DWF0807: ";
    private static final String UNEXPECTED = "DWF0804: ";

    private RestProblems() {
    }

    /** Whether a message says an input was larger than its limit. */
    static boolean isTooLarge(String message) {
        return message.startsWith(TOO_LARGE);
    }

    /** The request body is larger than the limit. */
    static String bodyTooLarge(int maxBytes) {
        return TOO_LARGE + ": the body is larger than the limit of " + maxBytes + " bytes";
    }

    /** The request body is not JSON of the type the call takes. */
    static String bodyNotJson() {
        return "DWF0803: the body is not valid JSON for this call";
    }

    /** The log line of a REST call that failed unexpectedly. */
    static String unexpectedFailure() {
        return UNEXPECTED + "unexpected failure of a REST call";
    }

    /** The answer to a REST call that failed unexpectedly; the detail is in the log. */
    static String internalError() {
        return UNEXPECTED + "internal error; see the server log";
    }

    /** The request body is not UTF-8. */
    static String bodyNotUtf8() {
        return "DWF0805: the body is not UTF-8 text";
    }

    /** No run has this id. */
    static String noRun(String runId) {
        return "DWF0806: no run '" + runId + "'";
    }

    /** The log line of a REST call that found the database unreachable, with the driver's detail. */
    static String databaseUnavailableLog(String detail) {
        return DATABASE_UNAVAILABLE + "a REST call found the database unavailable: " + detail;
    }

    /** The answer to a REST call that found the database unreachable. */
    static String databaseUnavailable() {
        return DATABASE_UNAVAILABLE + "the database is unavailable; try again";
    }

    /** A paging parameter is not a whole number within its bounds. */
    static String notWholeNumber(String name, int min, int max) {
        return "DWF0808: '" + name + "' must be a whole number from " + min + " to " + max;
    }

    /** The status filter names no run status. */
    static String unknownStatus() {
        return "DWF0809: 'status' must be one of " + Arrays.toString(RunStatus.values());
    }

    /** A fork's body must name the sequence to fork from. */
    static String forkBody() {
        return "DWF0815: the body must be {\"fromSequence\": N}, N a step's sequence in the run's journal";
    }

    /** The wait of a result's await is not a duration from 0 to 5 minutes. */
    static String badWait(String shown) {
        return "DWF0816: 'wait' must be a duration from 0 to 5m (30s, 2m, a number of seconds); got '" + shown + "'";
    }

    /** The run a listing should page after is not there (it never was, or it was deleted meanwhile). */
    static String noRunToPageAfter(String runId) {
        return "DWF0830: 'after' must be the id of a run of the previous page; there is no run '" + runId + "'";
    }

    /** A listing was given both ways of paging. */
    static String afterWithPage() {
        return "DWF0831: give 'after' (the last run of the previous page) or 'page', not both";
    }

    /** The console is turned off. */
    static String consoleOff() {
        return "DWF0832: the console is turned off (" + WorkflowConfig.PREFIX + "console.enabled=false)";
    }

    /** The console has no file of this name. */
    static String noConsoleFile(String name) {
        return "DWF0833: the console has no file '" + name + "'";
    }
}
