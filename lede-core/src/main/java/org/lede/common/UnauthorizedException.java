package org.lede.common;

/**
 * A request without the credentials it needs: 401, with the challenge that says which kind
 * (RFC 9110 section 11.6.1: a 401 always carries WWW-Authenticate).
 */
public class UnauthorizedException extends LedeException {
    private final String challenge;

    /** @param challenge the WWW-Authenticate value, such as {@code Bearer realm="content"} */
    public UnauthorizedException(String message, String challenge) {
        super(message, 401);
        this.challenge = challenge;
    }

    public String challenge() {
        return challenge;
    }
}
