package org.lede.user;

import java.time.Instant;
import java.util.Optional;

/** Sessions by the hash of their token. */
public interface SessionStore {
    void insert(String tokenHash, String userId, String csrf, Instant createdAt, Instant expiresAt, String address);

    /** The user id, CSRF token, hard expiry and last use of a session, or empty. */
    Optional<Stored> find(String tokenHash);

    /** Records that the session was used at {@code at}. */
    void touch(String tokenHash, Instant at);

    void delete(String tokenHash);

    /** Ends every session of a member except {@code keepTokenHash} (none when null). */
    void deleteForUser(String userId, String keepTokenHash);

    /** Ends sessions past their hard expiry or unused since {@code idleSince}. */
    void deleteExpired(Instant now, Instant idleSince);

    record Stored(String userId, String csrf, Instant expiresAt, Instant lastSeenAt) {}
}
