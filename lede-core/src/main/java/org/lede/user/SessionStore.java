package org.lede.user;

import java.time.Instant;
import java.util.Optional;

/** Sessions by the hash of their token. */
public interface SessionStore {
    void insert(String tokenHash, String userId, String csrf, Instant createdAt, Instant expiresAt);

    /** The user id, CSRF token and expiry of a session, or empty. */
    Optional<Stored> find(String tokenHash);

    void delete(String tokenHash);

    void deleteExpired(Instant now);

    record Stored(String userId, String csrf, Instant expiresAt) {}
}
