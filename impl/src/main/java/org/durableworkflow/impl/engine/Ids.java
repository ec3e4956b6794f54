package org.durableworkflow.impl.engine;

import java.security.SecureRandom;

/** Random ids in the anchor's shapes: {@code wfr_...} for runs, {@code msg_...} for deliveries. */
final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String runId() {
        return "wfr_" + random(22);
    }

    static String messageId() {
        return "msg_" + random(22);
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
