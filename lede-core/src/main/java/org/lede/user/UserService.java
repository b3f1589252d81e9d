package org.lede.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.Lazy;
import org.lede.common.NotFoundException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Event.UserChange;
import org.lede.outbox.Outbox;

/**
 * Accounts and sessions: creating members, signing in and out, and every change an admin or a
 * member makes to an account. Each change is one method that owns its transaction and appends one
 * {@link Event.UserChanged}, and each ends the sessions it makes untrustworthy.
 */
public final class UserService {
    public static final int MIN_PASSWORD = PasswordStrength.MIN_LENGTH;
    /** The longest a session lasts, however busy. */
    public static final Duration SESSION_LENGTH = Duration.ofDays(14);
    /** A session unused this long has ended: a laptop left open over night is not a member at work. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    /** How stale a session's last-use time may get, so that not every request writes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    public static final Duration RESET_LINK_LENGTH = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Transactions tx;
    private final UserStore users;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final SecretStore secrets;
    private final PasswordStrength strength = new PasswordStrength();
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;
    /**
     * Compared against when the email is unknown, so a miss costs the same time as a wrong
     * password. Made by the first sign-in, whether its email is known or not, so that one costs
     * the same either way too; made at start-up, even on another thread, one Argon2 hash and its
     * compilation took CPU from the server's start on a machine of two cores.
     */
    private final Lazy<String> decoyHash;

    private volatile byte[] resetKey;

    public UserService(
            Transactions tx,
            UserStore users,
            SessionStore sessions,
            Passwords passwords,
            LoginThrottle throttle,
            SecretStore secrets,
            Outbox outbox,
            Clock clock,
            Ids ids) {
        this.tx = tx;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.secrets = secrets;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.decoyHash = new Lazy<>(() -> passwords.hash(randomToken()));
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    /** The first account, made from the one-time setup link: always an admin, and only while there is none. */
    public User createOwner(String email, String name, String password) {
        return tx.inTransaction(() -> {
            if (users.count() > 0) {
                throw new ConflictException("This newsroom already has an owner; sign in instead.");
            }
            return insert(Actor.SYSTEM, email, name, Role.ADMIN, password);
        });
    }

    public User create(Actor actor, String email, String name, Role role, String password) {
        requireAdmin(actor, "Only admins add newsroom members.");
        return tx.inTransaction(() -> insert(actor, email, name, role, password));
    }

    private User insert(Actor actor, String email, String name, Role role, String password) {
        strength.check(password, email, name);
        String normalized = User.normalizeEmail(email);
        if (users.findByEmail(normalized).isPresent()) {
            throw new ConflictException("There is already an account for " + normalized + ".");
        }
        User user = new User(ids.next(), normalized, name, role, passwords.hash(password), false, now());
        users.insert(user);
        outbox.append(new Event.UserCreated(user.id(), role.key(), actor.userId(), user.createdAt()));
        return user;
    }

    public List<User> all(Actor actor) {
        requireAdmin(actor, "Only admins see the list of newsroom members.");
        return users.all();
    }

    public Optional<User> find(String id) {
        return users.find(id);
    }

    /** The account for an email address as typed, or empty. */
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(User.normalizeEmail(email));
    }

    /**
     * Gives a member another role and ends their sessions, so pages opened with the old rights
     * cannot be used. The last active admin keeps the role: someone must be able to manage people.
     */
    public User setRole(Actor actor, String userId, Role role) {
        requireAdmin(actor, "Only admins change roles.");
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            User user = load(userId);
            if (user.role() == role) {
                return user;
            }
            if (isActiveAdmin(user) && users.activeAdmins() <= 1) {
                throw new ConflictException(user.email()
                        + " is the last active admin; make someone else an admin before changing this role.");
            }
            return change(actor, with(user, role, user.disabled(), user.passwordHash()), UserChange.ROLE_CHANGED, null);
        });
    }

    /** Stops a member from signing in and ends their sessions; their work and name stay. */
    public User disable(Actor actor, String userId) {
        requireAdmin(actor, "Only admins disable accounts.");
        if (actor.userId().equals(userId)) {
            throw new ValidationException(
                    null, "You cannot disable your own account; another admin can, if it must be done.");
        }
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            User user = load(userId);
            if (user.disabled()) {
                return user;
            }
            if (isActiveAdmin(user) && users.activeAdmins() <= 1) {
                throw new ConflictException(
                        user.email() + " is the last active admin; make someone else an admin before disabling it.");
            }
            return change(actor, with(user, user.role(), true, user.passwordHash()), UserChange.DISABLED, null);
        });
    }

    /** Lets a disabled member sign in again, with the password they had. */
    public User enable(Actor actor, String userId) {
        requireAdmin(actor, "Only admins enable accounts.");
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            User user = load(userId);
            if (!user.disabled()) {
                return user;
            }
            return change(actor, with(user, user.role(), false, user.passwordHash()), UserChange.ENABLED, null);
        });
    }

    /**
     * A link that lets the member choose a new password within {@link #RESET_LINK_LENGTH}. It is
     * signed with a server secret over the member's current password hash, so it works once: the
     * new password changes the hash. Their sessions end now, since a reset usually means the old
     * password is lost or known to someone else.
     */
    public ResetLink issueResetLink(Actor actor, String userId) {
        requireAdmin(actor, "Only admins issue password-reset links.");
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            User user = load(userId);
            if (user.disabled()) {
                throw new ConflictException(
                        user.email() + " is disabled; enable the account before resetting its password.");
            }
            Instant expires = now().plus(RESET_LINK_LENGTH);
            change(actor, user, UserChange.RESET_LINK_ISSUED, null);
            return new ResetLink(user, resetToken(user, expires), expires);
        });
    }

    /**
     * The member a reset link is for, while it is valid.
     *
     * @throws InvalidResetLinkException otherwise
     */
    public User resetLinkUser(String token) {
        return verifyReset(token);
    }

    /** Sets a new password from a reset link and ends every session of the member. */
    public User resetPassword(String token, String password) {
        User user = verifyReset(token);
        strength.check(password, user.email(), user.name());
        // Hashed before the transaction: Argon2id takes a while, and the write lock should not wait for it.
        String hash = passwords.hash(password);
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            // Checked again under the lock, so two uses of one link cannot both succeed.
            User current = verifyReset(token);
            return change(current.actor(), with(current, current.role(), false, hash), UserChange.PASSWORD_RESET, null);
        });
    }

    /**
     * A member's own new password; their other sessions end, the one they are using stays.
     *
     * @throws ValidationException when the current password is wrong or the new one weak
     */
    public User changePassword(Session session, String currentPassword, String password) {
        User user = load(session.user().id());
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, user.passwordHash())) {
            throw new ValidationException("current", "That is not your current password.");
        }
        strength.check(password, user.email(), user.name());
        String hash = passwords.hash(password);
        return tx.inTransaction(() -> {
            users.lockForAccountChange();
            User current = load(user.id());
            if (current.disabled() || !Objects.equals(current.passwordHash(), user.passwordHash())) {
                throw new ConflictException("Your password was changed meanwhile; sign in again and retry.");
            }
            return change(
                    current.actor(),
                    with(current, current.role(), false, hash),
                    UserChange.PASSWORD_CHANGED,
                    hash(session.token()));
        });
    }

    /** Writes the changed account, ends its sessions but {@code keepTokenHash}, and appends the one event. */
    private User change(Actor actor, User changed, UserChange kind, String keepTokenHash) {
        if (kind != UserChange.RESET_LINK_ISSUED) {
            users.update(changed);
        }
        if (kind != UserChange.ENABLED) {
            sessions.deleteForUser(changed.id(), keepTokenHash);
        }
        outbox.append(new Event.UserChanged(kind, changed.id(), changed.role().key(), actor.userId(), now()));
        return changed;
    }

    private User load(String userId) {
        return users.find(userId).orElseThrow(() -> new NotFoundException("Member", userId));
    }

    private static User with(User user, Role role, boolean disabled, String passwordHash) {
        return new User(user.id(), user.email(), user.name(), role, passwordHash, disabled, user.createdAt());
    }

    private static boolean isActiveAdmin(User user) {
        return user.role() == Role.ADMIN && !user.disabled();
    }

    private static void requireAdmin(Actor actor, String refusal) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException(refusal);
        }
    }

    private String resetToken(User user, Instant expires) {
        String payload = user.id() + "." + expires.getEpochSecond();
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(resetSignature(user, payload));
    }

    private User verifyReset(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidResetLinkException();
        }
        long expires;
        byte[] signature;
        try {
            expires = Long.parseLong(parts[1]);
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidResetLinkException();
        }
        if (!Instant.ofEpochSecond(expires).isAfter(now())) {
            throw new InvalidResetLinkException();
        }
        User user = users.find(parts[0]).filter(u -> !u.disabled()).orElseThrow(InvalidResetLinkException::new);
        if (!MessageDigest.isEqual(signature, resetSignature(user, parts[0] + "." + parts[1]))) {
            throw new InvalidResetLinkException();
        }
        return user;
    }

    private byte[] resetSignature(User user, String payload) {
        byte[] key = resetKey;
        if (key == null) {
            key = secrets.secret("password-reset").getBytes(StandardCharsets.UTF_8);
            resetKey = key;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String hash = user.passwordHash() == null ? "" : user.passwordHash();
            return mac.doFinal(("password-reset\n" + payload + "\n" + hash).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    /**
     * Checks a password and opens a session. Attempts on an account that failed lately wait a
     * little first (see {@link LoginThrottle}), so guessing is slow while the member still gets in.
     *
     * @throws TooManyAttemptsException when this address failed too often lately
     * @throws SignInFailedException   for a wrong email or password, with one message for both
     */
    public Session signIn(String email, String password, String address) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        LoginThrottle.Attempt attempt = throttle.begin(key, address);
        pause(attempt.delay());
        String decoy = decoyHash.get();
        Optional<User> user = key.isEmpty() ? Optional.empty() : users.findByEmail(key);
        boolean ok = passwords.matches(
                        password == null ? "" : password,
                        user.map(User::passwordHash).orElse(decoy))
                && user.isPresent()
                && !user.get().disabled();
        if (!ok) {
            throw new SignInFailedException();
        }
        attempt.succeeded();
        String token = randomToken();
        String csrf = randomToken();
        Instant now = now();
        Instant expires = now.plus(SESSION_LENGTH);
        // Sign-ins are rare and sessions few, so this is where ended ones are swept.
        sessions.deleteExpired(now, now.minus(IDLE_TIMEOUT));
        sessions.insert(hash(token), user.get().id(), csrf, now, expires, address);
        return new Session(token, user.get(), csrf, expires);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailedException();
        }
    }

    /**
     * The live session for a cookie's token, or empty: past its hard expiry, unused for
     * {@link #IDLE_TIMEOUT}, or its member disabled. Its last use is written at most once per
     * {@link #TOUCH_EVERY}.
     */
    public Optional<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = now();
        String tokenHash = hash(token);
        return sessions.find(tokenHash)
                .filter(s -> s.expiresAt().isAfter(now))
                .filter(s -> s.lastSeenAt().plus(IDLE_TIMEOUT).isAfter(now))
                .flatMap(s -> users.find(s.userId()).filter(u -> !u.disabled()).map(u -> {
                    if (!s.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
                        sessions.touch(tokenHash, now);
                    }
                    return new Session(token, u, s.csrf(), s.expiresAt());
                }));
    }

    public void signOut(String token) {
        if (token != null) {
            sessions.delete(hash(token));
        }
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
