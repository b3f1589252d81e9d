package org.lede.user;

import java.time.Instant;

/** A password-reset link for {@code user}: shown once to the admin who made it, never stored. */
public record ResetLink(User user, String token, Instant expiresAt) {
    /** The newsroom path that opens it. */
    public String path() {
        return "/newsroom/reset/" + token;
    }
}
