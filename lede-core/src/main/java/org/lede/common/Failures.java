package org.lede.common;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Turning a chain of exceptions into the one line an operator needs, or into the one a caller should see. */
public final class Failures {
    private Failures() {}

    /** The first line of the innermost cause's message: usually what actually went wrong. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /**
     * What {@code future} made, once it is done: a task's unchecked failure is thrown as itself,
     * a checked one wrapped, and an interrupt keeps the thread's flag and says what it stopped.
     *
     * @param during what the wait is for, as it ends "Interrupted while ..."
     */
    public static <T> T await(Future<T> future, String during) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + during, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
