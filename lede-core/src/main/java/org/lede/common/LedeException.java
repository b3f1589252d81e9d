package org.lede.common;

/**
 * An expected failure with a message fit to show a user. Each kind carries the HTTP status that
 * answers it, so the web adapter has one table and no route decides a status of its own; other
 * adapters (the command line) map the same kinds to their vocabulary. Anything else is a bug.
 */
public abstract class LedeException extends RuntimeException {
    private final int status;

    protected LedeException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status that answers this failure, such as 422 for input that breaks a rule. */
    public int status() {
        return status;
    }
}
