package org.lede.common;

/** The request was valid but clashes with the current state, such as a taken slug or a stale revision. */
public class ConflictException extends LedeException {
    public ConflictException(String message) {
        super(message, 409);
    }
}
