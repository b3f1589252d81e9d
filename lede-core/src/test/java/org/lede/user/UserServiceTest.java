package org.lede.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.ValidationException;
import org.lede.db.Dialect;
import org.lede.outbox.store.JdbiOutbox;
import org.lede.testing.Newsroom;
import org.lede.user.store.JdbiSecretStore;
import org.lede.user.store.JdbiSessionStore;
import org.lede.user.store.JdbiUserStore;

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
    // A service that computed the hash while being built would wait for the latch for ever.
    @Timeout(30)
    void startingTheServiceDoesNotWaitForTheDecoyHashAndAnUnknownEmailStillChecksAgainstIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> checkedAgainst = new CopyOnWriteArrayList<>();
        Passwords slow = new Passwords() {
            @Override
            public String hash(String password) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "decoy:" + password;
            }

            @Override
            public boolean matches(String password, String hash) {
                checkedAgainst.add(hash);
                return false;
            }
        };
        var db = newsroom.services.db();
        // Returns while the hash is held back: building the service no longer computes it.
        UserService started = new UserService(
                db,
                new JdbiUserStore(db),
                new JdbiSessionStore(db),
                slow,
                new LoginThrottle(newsroom.clock, LoginThrottle.Settings.DEFAULTS),
                new JdbiSecretStore(db),
                new JdbiOutbox(db),
                newsroom.clock,
                new Ids(newsroom.clock));
        release.countDown();
        assertThrows(SignInFailedException.class, () -> started.signIn("nobody@example.org", "a guess", "10.0.0.7"));
        assertEquals(1, checkedAgainst.size());
        assertTrue(checkedAgainst.get(0).startsWith("decoy:"), "an unknown email costs one real comparison");
    }

    @Test
    void wrongPasswordsAreRefusedWithOneMessageAndSlowTheAccountWithoutLockingItsMemberOut() {
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
        long started = System.nanoTime();
        users.signIn("owner@example.org", "correct horse battery", "10.0.0.4");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 1000, "after 5 failures the next check waits (1 s here), not refuses: " + waited);
    }

    @Test
    void oneAddressIsLimitedOutright() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        for (int i = 0; i < LoginThrottle.Settings.DEFAULTS.perAddress(); i++) {
            String email = "guess" + i + "@example.org";
            assertThrows(SignInFailedException.class, () -> users.signIn(email, "wrong password!!", "10.0.0.9"));
        }
        assertThrows(
                TooManyAttemptsException.class,
                () -> users.signIn("owner@example.org", "correct horse battery", "10.0.0.9"));
        users.signIn("owner@example.org", "correct horse battery", "10.0.0.10");
        newsroom.clock.advance(LoginThrottle.Settings.DEFAULTS.window());
        users.signIn("owner@example.org", "correct horse battery", "10.0.0.9");
    }

    @Test
    void sessionsEndAfterTwelveHoursIdleAndFourteenDaysAtMost() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        Session idle = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        Session busy = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        for (int hour = 0; hour < 11 * 24; hour += 11) {
            newsroom.clock.advance(Duration.ofHours(11));
            assertTrue(users.session(busy.token()).isPresent(), "used every 11 hours, it lives on");
        }
        assertTrue(users.session(idle.token()).isEmpty(), "unused for more than 12 hours, it ended");
        newsroom.clock.advance(Duration.ofDays(4));
        Session fresh = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            newsroom.clock.advance(Duration.ofHours(11));
            users.session(busy.token());
        }
        assertTrue(users.session(busy.token()).isEmpty(), "past 14 days it ended however busy");
        assertTrue(users.session(fresh.token()).isEmpty(), "33 hours idle");
    }

    @Test
    void aSessionsLastUseIsWrittenAtMostOnceAMinute() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        Session session = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        newsroom.clock.advance(Duration.ofSeconds(30));
        users.session(session.token());
        assertEquals(newsroom.clock.instant().minusSeconds(30), lastSeen(session));
        newsroom.clock.advance(Duration.ofSeconds(31));
        users.session(session.token());
        assertEquals(newsroom.clock.instant(), lastSeen(session));
    }

    private java.time.Instant lastSeen(Session session) {
        return newsroom.services
                .db()
                .handle(h -> h.createQuery("SELECT last_seen_at FROM sessions WHERE token_hash = ?")
                        .bind(0, UserService.hash(session.token()))
                        .map((rs, c) -> java.time.Instant.parse(rs.getString(1)))
                        .one());
    }

    @Test
    void weakPasswordsAreRefusedWithAdviceAndPassphrasesAccepted() {
        User owner = users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        for (String weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiopasdf")) {
            ValidationException refused = assertThrows(
                    ValidationException.class,
                    () -> users.create(owner.actor(), "w@example.org", "Olga Writer", Role.WRITER, weak),
                    weak);
            assertTrue(refused.getMessage().startsWith("That password is too easy to guess."), refused.getMessage());
            assertTrue(refused.getMessage().contains("uncommon words"), refused.getMessage());
        }
        users.create(owner.actor(), "w@example.org", "W", Role.WRITER, "correct horse battery staple");
    }

    @Test
    void adminsDisableEnableAndChangeRolesAndEachEndsTheMembersSessions() {
        User owner = users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        User ed = users.create(owner.actor(), "ed@example.org", "Ed Itor", Role.EDITOR, "a long enough secret");
        Session edSession = users.signIn("ed@example.org", "a long enough secret", "10.0.0.1");
        assertThrows(ForbiddenException.class, () -> users.disable(ed.actor(), owner.id()));
        assertThrows(ForbiddenException.class, () -> users.setRole(ed.actor(), ed.id(), Role.ADMIN));

        users.setRole(owner.actor(), ed.id(), Role.WRITER);
        assertEquals(Role.WRITER, users.find(ed.id()).orElseThrow().role());
        assertTrue(users.session(edSession.token()).isEmpty(), "a role change ends the sessions");

        edSession = users.signIn("ed@example.org", "a long enough secret", "10.0.0.1");
        users.disable(owner.actor(), ed.id());
        assertTrue(users.session(edSession.token()).isEmpty());
        assertThrows(
                SignInFailedException.class, () -> users.signIn("ed@example.org", "a long enough secret", "10.0.0.1"));
        users.enable(owner.actor(), ed.id());
        users.signIn("ed@example.org", "a long enough secret", "10.0.0.1");

        List<String> types = newsroom.services.outbox().after(0, 100).stream()
                .map(e -> e.type())
                .filter(t -> t.startsWith("user."))
                .toList();
        assertEquals(
                List.of("user.created", "user.created", "user.role-changed", "user.disabled", "user.enabled"), types);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDisabledAndNobodyDisablesThemselves() {
        User owner = users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        ConflictException demote =
                assertThrows(ConflictException.class, () -> users.setRole(Actor.SYSTEM, owner.id(), Role.EDITOR));
        assertTrue(demote.getMessage().contains("last active admin"), demote.getMessage());
        assertThrows(ConflictException.class, () -> users.disable(Actor.SYSTEM, owner.id()));
        ValidationException self =
                assertThrows(ValidationException.class, () -> users.disable(owner.actor(), owner.id()));
        assertEquals(422, self.status());

        User second = users.create(owner.actor(), "ad@example.org", "Ada Min", Role.ADMIN, "a long enough secret");
        users.disable(owner.actor(), second.id());
        assertThrows(
                ConflictException.class,
                () -> users.setRole(owner.actor(), owner.id(), Role.EDITOR),
                "a disabled admin does not count");
        users.enable(owner.actor(), second.id());
        users.setRole(owner.actor(), owner.id(), Role.EDITOR);
        assertEquals(Role.EDITOR, users.find(owner.id()).orElseThrow().role());
    }

    @Test
    void aResetLinkWorksOnceWithinAnHourAndEndsEverySession() {
        User owner = users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        User ed = users.create(owner.actor(), "ed@example.org", "Ed Itor", Role.EDITOR, "a long enough secret");
        Session before = users.signIn("ed@example.org", "a long enough secret", "10.0.0.1");
        ResetLink link = users.issueResetLink(owner.actor(), ed.id());
        assertTrue(users.session(before.token()).isEmpty(), "issuing a reset ends the sessions");
        assertEquals(ed.id(), users.resetLinkUser(link.token()).id());
        assertThrows(InvalidResetLinkException.class, () -> users.resetLinkUser(link.token() + "x"));
        assertThrows(ValidationException.class, () -> users.resetPassword(link.token(), "password1234"));

        Session during = users.signIn("ed@example.org", "a long enough secret", "10.0.0.1");
        users.resetPassword(link.token(), "quiet lantern over harbour");
        assertTrue(users.session(during.token()).isEmpty(), "using the link ends every session");
        users.signIn("ed@example.org", "quiet lantern over harbour", "10.0.0.1");
        assertThrows(
                InvalidResetLinkException.class,
                () -> users.resetPassword(link.token(), "another quiet lantern here"),
                "single use");

        ResetLink late = users.issueResetLink(owner.actor(), ed.id());
        newsroom.clock.advance(UserService.RESET_LINK_LENGTH.plusSeconds(1));
        assertThrows(InvalidResetLinkException.class, () -> users.resetLinkUser(late.token()));
        ResetLink refused = users.issueResetLink(owner.actor(), ed.id());
        users.disable(owner.actor(), ed.id());
        assertThrows(InvalidResetLinkException.class, () -> users.resetLinkUser(refused.token()));
        assertThrows(ForbiddenException.class, () -> users.issueResetLink(ed.actor(), owner.id()));
    }

    @Test
    void membersChangeTheirOwnPasswordKeepingTheSessionTheyUse() {
        users.createOwner("owner@example.org", "Olga Owner", "correct horse battery");
        Session here = users.signIn("owner@example.org", "correct horse battery", "10.0.0.1");
        Session elsewhere = users.signIn("owner@example.org", "correct horse battery", "10.0.0.2");
        ValidationException wrongCurrent = assertThrows(
                ValidationException.class,
                () -> users.changePassword(here, "not my password", "quiet lantern over harbour"));
        assertEquals("current", wrongCurrent.field());
        assertThrows(
                ValidationException.class, () -> users.changePassword(here, "correct horse battery", "aaaaaaaaaaaa"));
        users.changePassword(here, "correct horse battery", "quiet lantern over harbour");
        assertTrue(users.session(here.token()).isPresent());
        assertTrue(users.session(elsewhere.token()).isEmpty());
        users.signIn("owner@example.org", "quiet lantern over harbour", "10.0.0.1");
        assertEquals(
                "user.password-changed",
                newsroom.services.outbox().after(0, 100).getLast().type());
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
