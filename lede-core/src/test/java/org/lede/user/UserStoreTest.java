package org.lede.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.Ids;
import org.lede.db.Dialect;
import org.lede.testing.Newsroom;
import org.lede.user.store.JdbiUserStore;

/** The account store's contract, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class UserStoreTest {
    static final Instant CREATED = Instant.parse("2026-11-01T09:30:15.250Z");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    UserStore store;
    Ids ids;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = new JdbiUserStore(newsroom.services.db());
        ids = new Ids(newsroom.clock);
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private User user(String email, String name, Role role, boolean disabled) {
        return new User(
                ids.next(), email, name, role, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", disabled, CREATED);
    }

    @Test
    void anAccountReadsBackWholeByIdAndByEmail() {
        User editor = user("ed@example.org", "Ed Itor", Role.EDITOR, false);
        store.insert(editor);
        assertEquals(editor, store.find(editor.id()).orElseThrow());
        assertEquals(editor, store.findByEmail("ed@example.org").orElseThrow());
        assertEquals(CREATED, store.find(editor.id()).orElseThrow().createdAt());
    }

    @Test
    void everyRoleAndTheDisabledFlagSurviveTheRoundTrip() {
        for (Role role : Role.values()) {
            User u = user(role.key() + "@example.org", "A " + role.key(), role, role == Role.WRITER);
            store.insert(u);
            User loaded = store.find(u.id()).orElseThrow();
            assertEquals(role, loaded.role());
            assertEquals(role == Role.WRITER, loaded.disabled());
        }
    }

    @Test
    void anAccountWithoutPasswordKeepsItNull() {
        User invited = new User(ids.next(), "new@example.org", "New Member", Role.WRITER, null, false, CREATED);
        store.insert(invited);
        assertNull(store.find(invited.id()).orElseThrow().passwordHash());
    }

    @Test
    void unknownIdsAndEmailsFindNothing() {
        store.insert(user("ed@example.org", "Ed Itor", Role.EDITOR, false));
        assertTrue(store.find("01JB0000000000000000000000").isEmpty());
        assertTrue(store.findByEmail("someone@example.org").isEmpty());
    }

    @Test
    void anUpdateRewritesTheAccountButNotItsCreationTime() {
        User ed = user("ed@example.org", "Ed Itor", Role.WRITER, false);
        User other = user("ann@example.org", "Ann Other", Role.WRITER, false);
        store.insert(ed);
        store.insert(other);
        User changed = new User(
                ed.id(),
                "edward@example.org",
                "Edward Itor",
                Role.EDITOR,
                "$argon2id$other",
                true,
                Instant.parse("2030-01-01T00:00:00Z"));
        store.update(changed);
        User loaded = store.find(ed.id()).orElseThrow();
        assertEquals(
                new User(ed.id(), "edward@example.org", "Edward Itor", Role.EDITOR, "$argon2id$other", true, CREATED),
                loaded);
        assertTrue(store.findByEmail("ed@example.org").isEmpty());
        assertEquals(other, store.find(other.id()).orElseThrow());
    }

    @Test
    void anAccountCanBeEnabledAgain() {
        User ed = user("ed@example.org", "Ed Itor", Role.WRITER, true);
        store.insert(ed);
        store.update(new User(ed.id(), ed.email(), ed.name(), ed.role(), ed.passwordHash(), false, ed.createdAt()));
        assertFalse(store.find(ed.id()).orElseThrow().disabled());
    }

    @Test
    void aSecondAccountForTheSameEmailIsRefused() {
        User first = user("ed@example.org", "Ed Itor", Role.EDITOR, false);
        store.insert(first);
        assertThrows(
                RuntimeException.class, () -> store.insert(user("ed@example.org", "Ed Again", Role.WRITER, false)));
        assertEquals(List.of(first), store.all());
    }

    @Test
    void allListsAccountsAlphabeticallyWhateverTheirCaseAndCountsThem() {
        assertEquals(0, store.count());
        User zoe = user("zoe@example.org", "Zoe Quist", Role.WRITER, false);
        User bell = user("bell@example.org", "bell hooks", Role.CONTRIBUTOR, false);
        User ana = user("ana@example.org", "Ana Ruiz", Role.ADMIN, false);
        store.insert(zoe);
        store.insert(bell);
        store.insert(ana);
        assertEquals(List.of(ana, bell, zoe), store.all());
        assertEquals(3, store.count());
    }
}
