package org.durableworkflow.impl.config;

/** The catalogue of configuration problems, each with its code; each fails the application's start. */
final class ConfigProblems {

    private ConfigProblems() {
    }

    static String restAuth(String auth) {
        return "DWF0400: " + WorkflowConfig.PREFIX + "rest.auth must be 'token', 'container' or 'none', got '"
                + auth + "'";
    }

    static String idLengthTooLong(int maxIdLength) {
        return "DWF0401: " + WorkflowConfig.PREFIX + "limits.id-length must be at most " + ColumnWidths.RUN_ID
                + ", got " + maxIdLength;
    }

    static String timerWindowTooShort(Object timerWindow) {
        return "DWF0401: " + WorkflowConfig.PREFIX + "timer-window must be at least 1ms, got " + timerWindow;
    }

    static String leaseTooShort(Object lease, Object recoveryInterval) {
        return "DWF0401: " + WorkflowConfig.PREFIX + "lease (" + lease + ") must be at least twice "
                + WorkflowConfig.PREFIX + "recovery-interval (" + recoveryInterval + ")";
    }

    static String serverIdLength(int length) {
        return "DWF0401: " + WorkflowConfig.PREFIX + "server-id must be 1 to " + ColumnWidths.LEASE_OWNER
                + " characters, got " + length;
    }

    static String notBoolean(String key, String text) {
        return "DWF0401: " + WorkflowConfig.PREFIX + key + " must be true or false, got '" + text + "'";
    }

    static String notPositiveInt(String key, String text) {
        return "DWF0401: " + WorkflowConfig.PREFIX + key + " must be a positive integer, got '" + text + "'";
    }

    static String notDuration(String key, String text) {
        return "DWF0401: " + WorkflowConfig.PREFIX + key + " must be a duration such as 10s, got '" + text + "'";
    }
}
