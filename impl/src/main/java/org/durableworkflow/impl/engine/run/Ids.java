package org.durableworkflow.impl.engine.run;

import java.security.SecureRandom;

/** Random ids in the anchor's shapes: {@code wfr_...} for runs, {@code msg_...} for deliveries. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String runId() {
        return "wfr_" + random(22);
    }

    public static String messageId() {
        return "msg_" + random(22);
    }

    /**
     * {@code length} characters of the alphabet, each from one random byte: one call to the generator (a lock and
     * an array) per id rather than one per character. Bytes from 248 up are drawn again, so that each of the 62
     * characters stays equally likely (248 = 4 x 62).
     */
    static String random(int length) {
        char[] out = new char[length];
        int filled = 0;
        while (filled < length) {
            byte[] bytes = new byte[length - filled];
            RANDOM.nextBytes(bytes);
            for (byte b : bytes) {
                int value = b & 0xFF;
                if (value < 4 * ALPHABET.length) {
                    out[filled++] = ALPHABET[value % ALPHABET.length];
                }
            }
        }
        return new String(out);
    }
}
