package org.lede.common;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. Stores called inside the work join it, so a story
 * write and its outbox event commit together or not at all. Nested calls join the outer one.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
