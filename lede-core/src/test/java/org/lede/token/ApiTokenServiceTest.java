package org.lede.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.audit.AuditEntry;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Events;
import org.lede.outbox.OutboxEvent;
import org.lede.testing.NewsroomTest;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;

/** Personal API tokens: made once, stored hashed, acting with their member's current role, revocable. */
class ApiTokenServiceTest extends NewsroomTest {
    private static final String PASSWORD = "correct horse battery staple";
    private ApiTokenService tokens;
    private User writer;
    private User admin;

    @BeforeEach
    void members() {
        tokens = newsroom.services.apiTokenService();
        var users = newsroom.services.userService();
        admin = users.create(Actor.SYSTEM, "admin@newsroom.test", "Ada Admin", Role.ADMIN, PASSWORD);
        writer = users.create(Actor.SYSTEM, "wren@newsroom.test", "Wren Writer", Role.WRITER, PASSWORD);
    }

    @Test
    void aNewTokenActsAsItsMemberAndOnlyItsHashIsStored() {
        CreatedToken created = tokens.create(writer.actor(), writer.id(), "Laptop script");

        assertTrue(created.secret().startsWith("lede_"), created.secret());
        assertTrue(created.secret().length() >= 45, "32 random bytes");
        assertTrue(created.secret().startsWith(created.token().prefix()));
        assertEquals(Optional.of(writer.actor()), tokens.authenticate(created.secret()));
        assertEquals(Optional.empty(), tokens.authenticate(created.secret() + "x"));
        assertEquals(Optional.empty(), tokens.authenticate("lede_unknown"));
        assertEquals(Optional.empty(), tokens.authenticate(null));
        String stored = newsroom.services
                .db()
                .handle(h -> h.createQuery("SELECT secret_hash FROM api_tokens")
                        .mapTo(String.class)
                        .one());
        assertFalse(stored.contains(created.secret().substring(5)), "the secret itself is not kept");
        assertEquals(64, stored.length(), "hex SHA-256");
        assertFalse(created.toString().contains(created.secret()), "never logged by accident");
    }

    @Test
    void aTokenFollowsItsMembersRoleAndStopsWhenTheyAreDisabled() {
        CreatedToken created = tokens.create(writer.actor(), writer.id(), "CI");
        var users = newsroom.services.userService();

        users.setRole(Actor.SYSTEM, writer.id(), Role.CONTRIBUTOR);
        assertEquals(
                Role.CONTRIBUTOR,
                tokens.authenticate(created.secret()).orElseThrow().role());

        users.setRole(Actor.SYSTEM, writer.id(), Role.EDITOR);
        assertEquals(
                Role.EDITOR, tokens.authenticate(created.secret()).orElseThrow().role());

        users.disable(Actor.SYSTEM, writer.id());
        assertEquals(Optional.empty(), tokens.authenticate(created.secret()));
        assertThrows(ConflictException.class, () -> tokens.create(Actor.SYSTEM, writer.id(), "Another"));

        users.enable(Actor.SYSTEM, writer.id());
        assertTrue(tokens.authenticate(created.secret()).isPresent());
    }

    @Test
    void aRevokedTokenStopsAndEachCommandAppendsOneEvent() {
        long before = newsroom.services.outbox().lastSeq();
        CreatedToken created = tokens.create(writer.actor(), writer.id(), "Phone");
        ApiToken revoked = tokens.revoke(writer.actor(), created.token().id());

        assertNotNull(revoked.revokedAt());
        assertEquals(Optional.empty(), tokens.authenticate(created.secret()));
        List<OutboxEvent> events = newsroom.services.outbox().after(before, 10);
        assertEquals(
                List.of("token.created", "token.revoked"),
                events.stream().map(OutboxEvent::type).toList());
        assertTrue(events.stream().allMatch(e -> e.pageKeys().isEmpty()), "readers never see tokens");
        assertEquals(
                new Event.ApiTokenCreated(
                        created.token().id(),
                        writer.id(),
                        "Phone",
                        writer.id(),
                        created.token().createdAt()),
                Events.fromOutbox(events.getFirst()));

        tokens.revoke(admin.actor(), created.token().id());
        assertEquals(2, newsroom.services.outbox().after(before, 10).size(), "revoking again changes nothing");

        List<AuditEntry> audit =
                newsroom.services.auditService().page(admin.actor(), null, 10).entries();
        assertEquals("revoked the API token", audit.getFirst().action());
        assertEquals("Phone", audit.getFirst().label());
        assertEquals("of wren@newsroom.test", audit.getFirst().detail());
    }

    @Test
    void membersManageTheirOwnTokensAndAdminsAnyone() {
        User other = newsroom.services
                .userService()
                .create(Actor.SYSTEM, "otto@newsroom.test", "Otto Other", Role.EDITOR, PASSWORD);
        CreatedToken mine = tokens.create(writer.actor(), writer.id(), "Mine");
        long before = newsroom.services.outbox().lastSeq();

        assertThrows(ForbiddenException.class, () -> tokens.create(writer.actor(), other.id(), "Not mine"));
        assertThrows(
                ForbiddenException.class,
                () -> tokens.revoke(other.actor(), mine.token().id()));
        assertThrows(ForbiddenException.class, () -> tokens.forUser(other.actor(), writer.id()));
        assertThrows(ValidationException.class, () -> tokens.create(writer.actor(), writer.id(), " "));
        assertEquals(before, newsroom.services.outbox().lastSeq(), "a refused command leaves nothing");
        assertTrue(tokens.authenticate(mine.secret()).isPresent());
        assertEquals(1, tokens.forUser(writer.actor(), writer.id()).size(), "nothing was made");

        CreatedToken forOther = tokens.create(admin.actor(), other.id(), "Made by an admin");
        assertEquals(Optional.of(other.actor()), tokens.authenticate(forOther.secret()));
        assertEquals(List.of(forOther.token().id(), mine.token().id()), ids(tokens.live(admin.actor())));
        assertThrows(ForbiddenException.class, () -> tokens.live(other.actor()));
        tokens.revoke(admin.actor(), mine.token().id());
        assertTrue(tokens.forUser(admin.actor(), writer.id()).getFirst().revoked());
        assertEquals(List.of(forOther.token().id()), ids(tokens.live(admin.actor())), "revoked tokens are not live");
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        CreatedToken created = tokens.create(writer.actor(), writer.id(), "Busy script");
        Instant first = newsroom.clock.instant();
        tokens.authenticate(created.secret());
        assertEquals(first, lastUsed(created));

        newsroom.clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(created.secret());
        assertEquals(first, lastUsed(created), "not written again within the minute");

        newsroom.clock.advance(Duration.ofSeconds(31));
        tokens.authenticate(created.secret());
        assertEquals(newsroom.clock.instant(), lastUsed(created));
    }

    private static List<String> ids(List<ApiToken> list) {
        return list.stream().map(ApiToken::id).toList();
    }

    private Instant lastUsed(CreatedToken created) {
        return tokens.forUser(Actor.SYSTEM, created.token().userId()).stream()
                .filter(t -> t.id().equals(created.token().id()))
                .findFirst()
                .orElseThrow()
                .lastUsedAt();
    }
}
