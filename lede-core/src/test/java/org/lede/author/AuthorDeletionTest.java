package org.lede.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.db.Dialect;
import org.lede.outbox.OutboxEvent;
import org.lede.story.Story;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.Role;

/** Deleting authors: refused while on a byline, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class AuthorDeletionTest {
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);
    static final Actor WRITER = new Actor("writer-1", Role.WRITER);

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    AuthorService service;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        service = newsroom.services.authorService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    @Test
    void anAuthorOnABylineIsKeptAndTheStoriesAreNamed() {
        Author ana = newsroom.author("ana-ruiz", "Ana Ruiz");
        var stories = newsroom.services.storyService();
        Story live = stories.createDraft(
                EDITOR, newsroom.publishableDraft("Tram line opens").withAuthors(List.of(ana.id())));
        stories.publish(EDITOR, live.id(), live.revision());
        stories.createDraft(
                EDITOR, newsroom.publishableDraft("Bus lanes planned").withAuthors(List.of(ana.id())));

        ConflictException refused = assertThrows(ConflictException.class, () -> service.delete(EDITOR, ana.id()));

        assertEquals(
                "Cannot delete Ana Ruiz: used by 1 published story: “Tram line opens”; 1 story not published: “Bus"
                        + " lanes planned”. Take them off those bylines first.",
                refused.getMessage());
        assertEquals(ana, newsroom.services.authors().find(ana.id()).orElseThrow());
    }

    @Test
    void anAuthorOnNoBylineIsDeletedAndOnlyTheirPageChanges() {
        Author ana = newsroom.author("ana-ruiz", "Ana Ruiz");
        assertThrows(ForbiddenException.class, () -> service.delete(WRITER, ana.id()));

        service.delete(EDITOR, ana.id());

        assertTrue(newsroom.services.authors().find(ana.id()).isEmpty());
        OutboxEvent event = newsroom.services.outbox().after(0, 10_000).getLast();
        assertEquals("author.deleted", event.type());
        assertEquals(Set.of("author:ana-ruiz"), event.pageKeys());
    }
}
