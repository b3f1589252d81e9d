package org.lede.web;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How tests wait for what a background thread does (an outbox consumer, a webhook delivery): poll
 * until the state is there, up to a generous deadline that only bounds a broken run, never a fixed sleep.
 */
public final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {}

    public static void until(String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() - end >= 0) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
