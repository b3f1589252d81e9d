package org.lede.user;

import org.lede.common.LedeException;

/** A password-reset link that is malformed, expired, used already or for a disabled account; one message for all. */
public class InvalidResetLinkException extends LedeException {
    public InvalidResetLinkException() {
        super("This password-reset link has expired or was used already. Ask an admin for a new one.", 404);
    }
}
