package org.lede.user;

import java.time.Instant;

/**
 * A signed-in newsroom member. The token travels in an HttpOnly cookie; the CSRF token is
 * embedded in every form and must come back with every change.
 */
public record Session(String token, User user, String csrf, Instant expiresAt) {}
