package org.lede.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed delivery again: 5 s doubling with each attempt up to an hour, each wait
 * between half and all of that (jitter, so receivers coming back are not hit by every sender at
 * once), for 24 hours from the first attempt; the last attempt is made at the end of the window.
 */
public final class Backoff {
    public static final Duration WINDOW = Duration.ofHours(24);
    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration MOST = Duration.ofHours(1);

    private Backoff() {}

    /**
     * The wait after the {@code attempts}-th failed attempt.
     *
     * @param jitter a number in [0, 1): 0 waits half the step, close to 1 the whole step
     */
    public static Duration delay(int attempts, double jitter) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        long step = attempts > 20 ? MOST.toMillis() : Math.min(MOST.toMillis(), FIRST.toMillis() << (attempts - 1));
        return Duration.ofMillis(step / 2 + (long) (step / 2.0 * jitter));
    }

    /** The time of the next attempt, or null when the window is over and the delivery has failed. */
    public static Instant next(Instant now, Instant retrySince, int attempts, double jitter) {
        Instant deadline = retrySince.plus(WINDOW);
        if (!now.isBefore(deadline)) {
            return null;
        }
        Instant next = now.plus(delay(attempts, jitter));
        return next.isAfter(deadline) ? deadline : next;
    }
}
