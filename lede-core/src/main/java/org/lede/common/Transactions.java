package org.lede.common;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. Stores called inside the work join it, so a story
 * write and its outbox event commit together or not at all. Nested calls join the outer one.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs work so that, when it throws, what it wrote is undone and what the surrounding
     * transaction wrote before it stays: a savepoint inside the current transaction, or a
     * transaction of its own outside one.
     */
    default <T> T inSavepoint(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
