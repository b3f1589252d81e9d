package org.lede.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.common.ConflictException;
import org.lede.common.NotFoundException;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.User;

/** The author store's contract, on SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class AuthorStoreTest {
    static final String UNKNOWN = "01JB0000000000000000000000";

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    AuthorStore store;
    AuthorService service;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = newsroom.services.authors();
        service = newsroom.services.authorService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void aContributorWithAvatarReadsBackWholeByIdAndBySlug() {
        Media avatar = newsroom.image("Jane Roe smiling");
        Author created = service.create(
                Actor.SYSTEM,
                new AuthorFields(
                        "jane-roe",
                        "Jane Roe",
                        "Contributing writer",
                        "Jane Roe directs the harbor trust.",
                        avatar.id(),
                        true));
        Author loaded = store.find(created.id()).orElseThrow();
        assertEquals(created, loaded);
        assertTrue(loaded.contributor());
        assertEquals(avatar.id(), loaded.avatarMediaId());
        assertEquals(created, store.findBySlug("jane-roe").orElseThrow());
    }

    @Test
    void aStaffAuthorWithoutOptionalFieldsKeepsThemEmpty() {
        Author created = service.create(Actor.SYSTEM, new AuthorFields("sam-lee", "Sam Lee", null, null, null, false));
        Author loaded = store.find(created.id()).orElseThrow();
        assertEquals(created, loaded);
        assertFalse(loaded.contributor());
        assertNull(loaded.title());
        assertNull(loaded.bio());
        assertNull(loaded.avatarMediaId());
        assertNull(loaded.userId());
    }

    @Test
    void anAuthorTiedToANewsroomAccountKeepsTheTie() {
        User owner = newsroom.services.userService().createOwner("sam@example.org", "Sam Lee", "correct horse battery");
        Author staff = newsroom.author("sam-lee", "Sam Lee");
        Author tied =
                new Author(staff.id(), staff.slug(), staff.name(), staff.title(), staff.bio(), null, false, owner.id());
        service.update(Actor.SYSTEM, tied);
        assertEquals(owner.id(), store.find(staff.id()).orElseThrow().userId());
    }

    @Test
    void unknownIdsAndSlugsFindNothing() {
        newsroom.author("jane-roe", "Jane Roe");
        assertTrue(store.find(UNKNOWN).isEmpty());
        assertTrue(store.findBySlug("john-roe").isEmpty());
        assertTrue(store.findBySlug("Jane-Roe").isEmpty(), "slugs match exactly, on both databases");
    }

    @Test
    void anUpdateRewritesEveryFieldOfThatAuthorOnly() {
        Author jane = newsroom.author("jane-roe", "Jane Roe");
        Author sam = newsroom.author("sam-lee", "Sam Lee");
        Media avatar = newsroom.image("Jane at her desk");
        Author changed = new Author(
                jane.id(),
                "jane-roe-smith",
                "Jane Roe-Smith",
                "Harbor editor",
                "Jane Roe-Smith edits the harbor desk.",
                avatar.id(),
                true,
                null);
        service.update(Actor.SYSTEM, changed);
        assertEquals(changed, store.find(jane.id()).orElseThrow());
        assertTrue(store.findBySlug("jane-roe").isEmpty());
        assertEquals(sam, store.find(sam.id()).orElseThrow());
    }

    @Test
    void aContributorCanBecomeStaffAgain() {
        Author created =
                service.create(Actor.SYSTEM, new AuthorFields("jane-roe", "Jane Roe", null, "A bio.", null, true));
        Author staff = new Author(created.id(), created.slug(), created.name(), null, created.bio(), null, false, null);
        store.update(staff);
        assertFalse(store.find(created.id()).orElseThrow().contributor());
    }

    @Test
    void updatingAnUnknownAuthorIsNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> service.update(
                        Actor.SYSTEM, new Author(UNKNOWN, "ghost", "Ghost", null, null, null, false, null)));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void aSecondAuthorWithATakenSlugIsAConflict() {
        Author jane = newsroom.author("jane-roe", "Jane Roe");
        ConflictException e = assertThrows(
                ConflictException.class,
                () -> store.insert(new Author(UNKNOWN, "jane-roe", "Another Jane", null, null, null, false, null)));
        assertTrue(e.getMessage().contains("\"jane-roe\""), e.getMessage());
        assertEquals(List.of(jane), store.all());
    }

    @Test
    void renamingAnAuthorToATakenSlugIsAConflictAndChangesNothing() {
        Author jane = newsroom.author("jane-roe", "Jane Roe");
        Author sam = newsroom.author("sam-lee", "Sam Lee");
        assertThrows(
                ConflictException.class,
                () -> store.update(new Author(sam.id(), "jane-roe", "Sam Lee", null, null, null, false, null)));
        assertEquals(sam, store.find(sam.id()).orElseThrow());
        assertEquals(jane, store.findBySlug("jane-roe").orElseThrow());
    }

    @Test
    void findAllKeepsTheOrderAskedForAndLeavesOutUnknownIds() {
        Author a = newsroom.author("ana-ruiz", "Ana Ruiz");
        Author b = newsroom.author("ben-okri", "Ben Okri");
        Author c = newsroom.author("cy-twombly", "Cy Twombly");
        assertEquals(List.of(c, a, b), store.findAll(List.of(c.id(), a.id(), b.id())));
        assertEquals(List.of(b, a), store.findAll(List.of(b.id(), UNKNOWN, a.id())));
        assertEquals(List.of(), store.findAll(List.of(UNKNOWN)));
        assertEquals(List.of(), store.findAll(List.of()));
    }

    @Test
    void allListsAuthorsAlphabeticallyWhateverTheirCase() {
        Author zoe = newsroom.author("zoe-quist", "Zoe Quist");
        Author bell = newsroom.author("bell-hooks", "bell hooks");
        Author ana = newsroom.author("ana-ruiz", "Ana Ruiz");
        Author celine = newsroom.author("celine-dion", "Céline Dion");
        assertEquals(List.of(ana, bell, celine, zoe), store.all());
    }
}
