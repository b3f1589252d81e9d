package org.lede.user;

import org.lede.common.LedeException;

/** A wrong email or password; one message for both, so it tells a guesser nothing. */
public class SignInFailedException extends LedeException {
    public SignInFailedException() {
        super("That email and password do not match an account.", 401);
    }
}
