package org.lede.common;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULIDs: 26 Crockford base-32 characters, sortable by creation time. Ids made by one generator
 * within the same millisecond still sort in creation order, so the outbox and revisions can
 * rely on id order.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randHigh;
    private long randLow;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        long now = clock.millis();
        if (now <= lastMillis) {
            // Same millisecond (or the clock stepped back): count up from the last id.
            randLow = (randLow + 1) & 0xFFFFFFFFFFL;
            if (randLow == 0) {
                randHigh = (randHigh + 1) & 0xFFFFFFFFFFL;
            }
            now = lastMillis;
        } else {
            lastMillis = now;
            randHigh = random.nextLong() & 0xFFFFFFFFFFL;
            randLow = random.nextLong() & 0xFFFFFFFFFFL;
        }
        char[] out = new char[26];
        encode(out, 0, 10, now);
        encode(out, 10, 8, randHigh);
        encode(out, 18, 8, randLow);
        return new String(out);
    }

    private static void encode(char[] out, int offset, int length, long value) {
        for (int i = offset + length - 1; i >= offset; i--) {
            out[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (char c : id.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
