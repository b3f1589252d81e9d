package org.lede.common;

/**
 * An expected failure with a message fit to show a user. Adapters map the subclasses to
 * their own vocabulary (HTTP status, exit code); anything else is a bug.
 */
public abstract class LedeException extends RuntimeException {
    protected LedeException(String message) {
        super(message, null, false, false);
    }
}
