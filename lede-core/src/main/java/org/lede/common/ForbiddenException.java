package org.lede.common;

/** The actor's role does not allow the action. */
public class ForbiddenException extends LedeException {
    public ForbiddenException(String message) {
        super(message, 403);
    }
}
