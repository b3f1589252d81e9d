package org.lede.common;

/** Turning a chain of exceptions into the one line an operator needs. */
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
}
