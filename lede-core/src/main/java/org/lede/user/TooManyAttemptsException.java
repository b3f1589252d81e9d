package org.lede.user;

import org.lede.common.LedeException;

public class TooManyAttemptsException extends LedeException {
    public TooManyAttemptsException() {
        super("Too many failed sign-in attempts. Wait a few minutes and try again.", 429);
    }
}
