package org.lede.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.outbox.OutboxEvent;
import org.lede.story.Story;
import org.lede.testing.NewsroomTest;

/** Deleting authors: refused while on a byline, on SQLite and PostgreSQL. */
class AuthorDeletionTest extends NewsroomTest {

    AuthorService service;

    @BeforeEach
    void open() {
        service = newsroom.services.authorService();
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
