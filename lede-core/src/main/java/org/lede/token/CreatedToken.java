package org.lede.token;

/** A token just made, with its secret: the only time the secret exists outside its holder's hands. */
public record CreatedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "CreatedToken[" + token + "]";
    }
}
