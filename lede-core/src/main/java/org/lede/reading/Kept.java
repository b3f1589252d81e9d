package org.lede.reading;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read once and kept until {@link #forget}. A read that began before a forget is
 * returned to its caller but not kept: it may hold what the forget was for, and kept it would
 * outlive every later forget.
 */
final class Kept<T> {
    private record Held<T>(T value, long generation) {}

    private final Supplier<T> read;
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<T> held;

    Kept(Supplier<T> read) {
        this.read = read;
    }

    T get() {
        long now = generation.get();
        Held<T> h = held;
        if (h != null && h.generation() == now) {
            return h.value();
        }
        T value = read.get();
        // Tagged with the generation its read began in, it is never taken after a later forget,
        // even when that forget falls between this read and this store.
        held = new Held<>(value, now);
        return value;
    }

    void forget() {
        generation.incrementAndGet();
    }
}
