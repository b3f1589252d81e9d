package org.lede.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Transactions;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;

/**
 * Personal API tokens. A member makes their own (an admin, or the command line, may make one for
 * anyone), sees it once, and may revoke it; admins may revoke anyone's. Each of those is one
 * transaction and one event, so the audit log shows who made or revoked which token.
 *
 * <p>A token carries no role of its own: each request acts as its member with the role they
 * have now, so a demoted member's token is demoted with them and a disabled member's stops.
 *
 * <p>Only the SHA-256 of a secret is stored. Passwords need a slow hash (Argon2id) because people
 * choose guessable ones; a token's secret is 32 random bytes, which no amount of guessing reaches,
 * so a fast hash keeps a leaked table useless while a request costs one digest, not 50 ms.
 */
public final class ApiTokenService {
    /** What every secret starts with, so scanners and people can recognise a leaked one. */
    public static final String SECRET_PREFIX = "lede_";
    /** How stale a token's last-use time may get, so that not every API request writes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final int SHOWN_PREFIX = SECRET_PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions tx;
    private final ApiTokenStore tokens;
    private final UserService users;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public ApiTokenService(
            Transactions tx, ApiTokenStore tokens, UserService users, Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.tokens = tokens;
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Makes a token for a member, returned with its secret; the secret is not kept, so this is the
     * only time anyone sees it.
     *
     * @throws ForbiddenException unless the actor is the member or an admin
     * @throws ConflictException  for a disabled member, whose token could not work
     */
    public CreatedToken create(Actor actor, String userId, String name) {
        requireOwnerOrAdmin(actor, userId, "You can make API tokens only for yourself.");
        String secret = SECRET_PREFIX + randomSecret();
        Instant now = Instants.now(clock);
        ApiToken token = new ApiToken(ids.next(), userId, name, secret.substring(0, SHOWN_PREFIX), now, null, null);
        return tx.inTransaction(() -> {
            User user = member(userId);
            if (user.disabled()) {
                throw new ConflictException(
                        user.email() + " is disabled; enable the account before giving it a token.");
            }
            tokens.insert(token, hash(secret));
            outbox.append(new Event.ApiTokenCreated(token.id(), userId, token.name(), actor.userId(), now));
            return new CreatedToken(token, secret);
        });
    }

    /**
     * Stops a token from working. Revoking a revoked token changes nothing.
     *
     * @throws ForbiddenException unless the actor owns the token or is an admin
     */
    public ApiToken revoke(Actor actor, String tokenId) {
        return tx.inTransaction(() -> {
            ApiToken token = tokens.find(tokenId).orElseThrow(() -> new NotFoundException("API token", tokenId));
            requireOwnerOrAdmin(actor, token.userId(), "You can revoke only your own API tokens.");
            if (token.revoked()) {
                return token;
            }
            Instant now = Instants.now(clock);
            tokens.revoke(token.id(), now);
            outbox.append(new Event.ApiTokenRevoked(token.id(), token.userId(), token.name(), actor.userId(), now));
            return new ApiToken(
                    token.id(),
                    token.userId(),
                    token.name(),
                    token.prefix(),
                    token.createdAt(),
                    token.lastUsedAt(),
                    now);
        });
    }

    /** A member's tokens, newest first, for themselves or an admin. */
    public List<ApiToken> forUser(Actor actor, String userId) {
        requireOwnerOrAdmin(actor, userId, "You can see only your own API tokens.");
        return tokens.forUser(userId);
    }

    /** Every token that still works, of every member, for the admins' people page. */
    public List<ApiToken> live(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins see every member's API tokens.");
        }
        return tokens.live();
    }

    /**
     * Who a request's secret acts as: its member with their current role, while the token is not
     * revoked and the member not disabled; else empty. The last use is written at most once per
     * {@link #TOUCH_EVERY}.
     */
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instants.now(clock);
        return tokens.findBySecretHash(hash(secret))
                .filter(t -> !t.revoked())
                .flatMap(t -> users.find(t.userId()).filter(u -> !u.disabled()).map(u -> {
                    if (t.lastUsedAt() == null
                            || !t.lastUsedAt().plus(TOUCH_EVERY).isAfter(now)) {
                        tokens.touch(t.id(), now);
                    }
                    return u.actor();
                }));
    }

    private User member(String userId) {
        return users.find(userId).orElseThrow(() -> new NotFoundException("Member", userId));
    }

    private static void requireOwnerOrAdmin(Actor actor, String userId, String refusal) {
        if (actor.role() != Role.ADMIN && !actor.userId().equals(userId)) {
            throw new ForbiddenException(refusal);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
