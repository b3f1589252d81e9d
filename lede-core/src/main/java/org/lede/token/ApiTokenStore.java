package org.lede.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens by id and by the hash of their secret. */
public interface ApiTokenStore {
    void insert(ApiToken token, String secretHash);

    Optional<ApiToken> find(String id);

    Optional<ApiToken> findBySecretHash(String secretHash);

    /** A member's tokens, newest first, revoked ones included. */
    List<ApiToken> forUser(String userId);

    /** Every token that is not revoked, of every member, newest first. */
    List<ApiToken> live();

    void revoke(String id, Instant at);

    void touch(String id, Instant at);
}
