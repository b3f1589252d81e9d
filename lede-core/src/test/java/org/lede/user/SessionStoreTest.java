package org.lede.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Dialect;
import org.lede.testing.Newsroom;
import org.lede.user.SessionStore.Stored;
import org.lede.user.store.JdbiSessionStore;
import org.lede.user.store.JdbiUserStore;

/** The session store's contract, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class SessionStoreTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    SessionStore store;
    String ed;
    String ann;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = new JdbiSessionStore(newsroom.services.db());
        UserStore users = new JdbiUserStore(newsroom.services.db());
        ed = "01JB00000000000000000000ED";
        ann = "01JB0000000000000000000ANN";
        users.insert(new User(ed, "ed@example.org", "Ed Itor", Role.EDITOR, null, false, NOW));
        users.insert(new User(ann, "ann@example.org", "Ann Other", Role.WRITER, null, false, NOW));
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void aSessionIsFoundByTheHashOfItsToken() {
        Instant expires = NOW.plus(Duration.ofDays(14)).plusMillis(123);
        store.insert("hash-ed", ed, "csrf-ed", NOW, expires, "10.0.0.1");
        store.insert("hash-ann", ann, "csrf-ann", NOW, expires.plusSeconds(60), "10.0.0.1");
        assertEquals(
                new Stored(ed, "csrf-ed", expires, NOW), store.find("hash-ed").orElseThrow());
        assertEquals(
                new Stored(ann, "csrf-ann", expires.plusSeconds(60), NOW),
                store.find("hash-ann").orElseThrow());
    }

    @Test
    void anUnknownTokenHashFindsNothing() {
        store.insert("hash-ed", ed, "csrf-ed", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        assertTrue(store.find("hash-nobody").isEmpty());
        assertTrue(store.find("HASH-ED").isEmpty(), "hashes match exactly, on both databases");
    }

    @Test
    void deletingASessionEndsOnlyThatOne() {
        store.insert("hash-1", ed, "csrf-1", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        store.insert("hash-2", ed, "csrf-2", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        store.delete("hash-1");
        assertTrue(store.find("hash-1").isEmpty());
        assertEquals("csrf-2", store.find("hash-2").orElseThrow().csrf());
        store.delete("hash-unknown");
        assertTrue(store.find("hash-2").isPresent(), "deleting an unknown session is harmless");
    }

    @Test
    void sweepingRemovesExactlyTheSessionsThatExpiredBeforeNow() {
        store.insert("long-gone", ed, "c1", NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(16)), "10.0.0.1");
        store.insert("just-gone", ann, "c2", NOW.minus(Duration.ofDays(14)), NOW.minusMillis(1), "10.0.0.1");
        store.insert("just-live", ed, "c3", NOW.minus(Duration.ofDays(14)), NOW.plusMillis(1), "10.0.0.1");
        store.insert("fresh", ann, "c4", NOW, NOW.plus(Duration.ofDays(14)), "10.0.0.1");
        store.deleteExpired(NOW, NOW.minus(Duration.ofDays(30)));
        assertTrue(store.find("long-gone").isEmpty());
        assertTrue(store.find("just-gone").isEmpty());
        assertTrue(store.find("just-live").isPresent());
        assertTrue(store.find("fresh").isPresent());
    }

    @Test
    void sweepingComparesTimesAcrossDaysMonthsAndYears() {
        // Times are compared as text: fixed width keeps 2026-12-31 before 2027-01-01 and 09:00 before 10:00.
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        store.insert("last-year", ed, "c1", NOW, Instant.parse("2026-12-31T23:59:59.999Z"), "10.0.0.1");
        store.insert("this-morning", ed, "c2", NOW, Instant.parse("2027-01-01T09:00:00Z"), "10.0.0.1");
        store.insert("tonight", ed, "c3", NOW, Instant.parse("2027-01-01T22:00:00Z"), "10.0.0.1");
        store.deleteExpired(now, NOW.minus(Duration.ofDays(30)));
        assertTrue(store.find("last-year").isEmpty());
        assertTrue(store.find("this-morning").isEmpty());
        assertTrue(store.find("tonight").isPresent());
    }

    @Test
    void aSessionNeedsAnExistingAccount() {
        assertThrows(
                RuntimeException.class,
                () -> store.insert(
                        "hash-x", "01JB0000000000000000000000", "csrf", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1"));
        assertTrue(store.find("hash-x").isEmpty());
    }

    @Test
    void aTokenHashIsOneSessionOnly() {
        store.insert("hash-ed", ed, "csrf-1", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        assertThrows(
                RuntimeException.class,
                () -> store.insert("hash-ed", ann, "csrf-2", NOW, NOW.plus(Duration.ofDays(2)), "10.0.0.1"));
        assertEquals(
                new Stored(ed, "csrf-1", NOW.plus(Duration.ofDays(1)), NOW),
                store.find("hash-ed").orElseThrow());
    }

    @Test
    void sweepingAlsoRemovesSessionsUnusedSinceTheIdleCutoff() {
        store.insert("idle", ed, "c1", NOW.minus(Duration.ofHours(13)), NOW.plus(Duration.ofDays(13)), "10.0.0.1");
        store.insert("used", ed, "c2", NOW.minus(Duration.ofHours(13)), NOW.plus(Duration.ofDays(13)), "10.0.0.1");
        store.touch("used", NOW.minus(Duration.ofHours(1)));
        store.deleteExpired(NOW, NOW.minus(Duration.ofHours(12)));
        assertTrue(store.find("idle").isEmpty());
        assertEquals(
                NOW.minus(Duration.ofHours(1)), store.find("used").orElseThrow().lastSeenAt());
    }

    @Test
    void endingAMembersSessionsCanKeepTheOneInUse() {
        store.insert("ed-1", ed, "c1", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        store.insert("ed-2", ed, "c2", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        store.insert("ann-1", ann, "c3", NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1");
        store.deleteForUser(ed, "ed-2");
        assertTrue(store.find("ed-1").isEmpty());
        assertTrue(store.find("ed-2").isPresent());
        assertTrue(store.find("ann-1").isPresent(), "another member's sessions stay");
        store.deleteForUser(ed, null);
        assertTrue(store.find("ed-2").isEmpty());
        assertTrue(store.find("ann-1").isPresent());
    }
}
