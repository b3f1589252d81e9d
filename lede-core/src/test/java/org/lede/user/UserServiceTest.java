package org.lede.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.ValidationException;
import org.lede.db.Dialect;
import org.lede.testing.Newsroom;

@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class UserServiceTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    UserService users;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        users = newsroom.services.userService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void ownerIsCreatedOnceAndSignsIn() {
        assertFalse(users.hasUsers());
        User owner = users.createOwner("Owner@Example.org", "Olga Owner", "correct horse battery");
        assertEquals(Role.ADMIN, owner.role());
        assertEquals("owner@example.org", owner.email());
        assertTrue(owner.passwordHash().startsWith("$argon2id$"), "Argon2id hash, never the password");
        assertThrows(ConflictException.class, () -> users.createOwner("b@example.org", "B", "another long password"));
        Session session = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        assertEquals(
                owner.id(), users.session(session.token()).orElseThrow().user().id());
        users.signOut(session.token());
        assertTrue(users.session(session.token()).isEmpty());
    }

    @Test
    void wrongPasswordsAreRefusedWithOneMessageAndThrottled() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        SignInFailedException wrong = assertThrows(
                SignInFailedException.class, () -> users.signIn("owner@example.org", "wrong password!!", "10.0.0.2"));
        SignInFailedException unknown = assertThrows(
                SignInFailedException.class, () -> users.signIn("nobody@example.org", "wrong password!!", "10.0.0.2"));
        assertEquals(wrong.getMessage(), unknown.getMessage(), "no hint which accounts exist");
        for (int i = 0; i < 4; i++) {
            assertThrows(
                    SignInFailedException.class, () -> users.signIn("owner@example.org", "nope nope nope", "10.0.0.3"));
        }
        assertThrows(
                TooManyAttemptsException.class,
                () -> users.signIn("owner@example.org", "correct horse battery", "10.0.0.4"),
                "the account is locked for a while");
        newsroom.clock.advance(Duration.ofMinutes(16));
        users.signIn("owner@example.org", "correct horse battery", "10.0.0.4");
    }

    @Test
    void sessionsExpire() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        Session session = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        newsroom.clock.advance(UserService.SESSION_LENGTH.plusMinutes(1));
        assertTrue(users.session(session.token()).isEmpty());
        users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        int sessions = newsroom.services
                .db()
                .handle(h -> h.createQuery("SELECT COUNT(*) FROM sessions")
                        .mapTo(Integer.class)
                        .one());
        assertEquals(1, sessions, "the expired session was swept at the next sign-in");
    }

    @Test
    void onlyAdminsAddMembersAndPasswordsMustBeLong() {
        User owner = users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        User editor = users.create(owner.actor(), "ed@example.org", "Ed Itor", Role.EDITOR, "a long enough secret");
        assertThrows(
                ForbiddenException.class,
                () -> users.create(editor.actor(), "w@example.org", "W", Role.WRITER, "a long enough secret"));
        assertThrows(
                ValidationException.class,
                () -> users.create(owner.actor(), "w@example.org", "W", Role.WRITER, "short"));
        assertThrows(
                ConflictException.class,
                () -> users.create(owner.actor(), "ED@example.org", "Ed Again", Role.WRITER, "a long enough secret"));
        assertEquals(2, users.all(owner.actor()).size());
    }
}
