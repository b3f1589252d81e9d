package org.lede.web.newsroom;

import java.security.MessageDigest;
import org.lede.user.UserService;

/**
 * The one-time link that creates the owner account on an empty database. The token lives in
 * memory only: a restart prints a new link, and it stops working once an account exists.
 */
public final class SetupLink {
    private final String token = UserService.randomToken();

    public String path() {
        return "/newsroom/setup/" + token;
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token.getBytes(), candidate.getBytes());
    }
}
