package org.lede.token;

import java.time.Instant;
import java.util.Objects;
import org.lede.common.Check;

/**
 * A member's personal API token as the newsroom lists it; the secret itself is never kept.
 *
 * @param prefix     the first characters of the secret, so its owner can tell which token is which
 * @param lastUsedAt when it last authenticated a request, to about a minute; null if never
 * @param revokedAt  when it was revoked; null while it works
 */
public record ApiToken(
        String id,
        String userId,
        String name,
        String prefix,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {
    public static final int NAME_MAX = 80;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        name = Check.maxLength("name", Check.required("name", name), NAME_MAX);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
