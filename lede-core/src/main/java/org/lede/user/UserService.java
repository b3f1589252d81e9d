package org.lede.user;

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
import java.util.Locale;
import java.util.Optional;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;

/** Accounts and sessions: creating members, signing in and out. */
public final class UserService {
    public static final int MIN_PASSWORD = 12;
    public static final Duration SESSION_LENGTH = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Transactions tx;
    private final UserStore users;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;
    /** Compared against when the email is unknown, so a miss costs the same time as a wrong password. */
    private final String decoyHash;

    public UserService(
            Transactions tx,
            UserStore users,
            SessionStore sessions,
            Passwords passwords,
            LoginThrottle throttle,
            Outbox outbox,
            Clock clock,
            Ids ids) {
        this.tx = tx;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.decoyHash = passwords.hash(randomToken());
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
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins add newsroom members.");
        }
        return tx.inTransaction(() -> insert(actor, email, name, role, password));
    }

    private User insert(Actor actor, String email, String name, Role role, String password) {
        checkPassword(password);
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
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins see the list of newsroom members.");
        }
        return users.all();
    }

    public Optional<User> find(String id) {
        return users.find(id);
    }

    /**
     * Checks a password and opens a session.
     *
     * @throws TooManyAttemptsException when this account or address failed too often lately
     * @throws SignInFailedException   for a wrong email or password, with one message for both
     */
    public Session signIn(String email, String password, String address) {
        String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!throttle.allowed(key, address)) {
            throw new TooManyAttemptsException();
        }
        Optional<User> user = key.isEmpty() ? Optional.empty() : users.findByEmail(key);
        boolean ok = passwords.matches(
                        password == null ? "" : password,
                        user.map(User::passwordHash).orElse(decoyHash))
                && user.isPresent()
                && !user.get().disabled();
        if (!ok) {
            throw failed(key, address);
        }
        throttle.succeeded(key);
        String token = randomToken();
        String csrf = randomToken();
        Instant now = now();
        Instant expires = now.plus(SESSION_LENGTH);
        // Sign-ins are rare and sessions few, so this is where expired ones are swept.
        sessions.deleteExpired(now);
        sessions.insert(hash(token), user.get().id(), csrf, now, expires);
        return new Session(token, user.get(), csrf, expires);
    }

    private SignInFailedException failed(String key, String address) {
        throttle.failed(key, address);
        return new SignInFailedException();
    }

    /** The live session for a cookie's token, or empty. */
    public Optional<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return sessions.find(hash(token))
                .filter(s -> s.expiresAt().isAfter(now()))
                .flatMap(s -> users.find(s.userId())
                        .filter(u -> !u.disabled())
                        .map(u -> new Session(token, u, s.csrf(), s.expiresAt())));
    }

    public void signOut(String token) {
        if (token != null) {
            sessions.delete(hash(token));
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new ValidationException("password", "Choose a password of at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > 1000) {
            throw new ValidationException("password", "That password is too long.");
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
