package org.lede.common;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made by the first {@link #get}, once, whichever thread asks first; the others wait for
 * it. For what a server may never need and should not pay for at start-up.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> maker;
    private volatile T value;

    public Lazy(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = maker.get();
                    value = made;
                }
            }
        }
        return made;
    }

    /** The value if it has been made, without making it. */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
